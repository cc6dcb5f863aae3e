// File names a person can find in a folder: year, unit, the target's place in rank order and
// name, then what the file is — `2025年度-某某局-03-李四-征求意见建议清单.docx`.
import type { DocTarget, MeetingDocs } from './meeting-docs';

// Characters Windows refuses in names, path separators and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** A name safe on Windows and Linux: no separators or reserved characters, no leading or trailing dots and spaces. */
export function safeFileName(name: string, maxLength = 120): string {
  const cleaned = name
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const short = [...cleaned].slice(0, maxLength).join('');
  return short === '' ? '未命名' : short;
}

function prefix(docs: MeetingDocs): string {
  return `${docs.input.meeting.year}年度-${docs.input.unit.name}`;
}

const internalSuffix = (internal: boolean) => (internal ? '（内部资料）' : '');

/**
 * `2025年度-某某局-03-李四-征求意见建议清单.docx`; the group is `00-领导班子`. Where two members share
 * a name, the position is added (`03-李四（副局长）`), so a person can tell the files apart.
 */
export function listFileName(docs: MeetingDocs, target: DocTarget, internal: boolean): string {
  const order = String(target.order).padStart(2, '0');
  const shared = !target.isGroup && target.position !== '' && docs.targets.filter((t) => t.name === target.name).length > 1;
  const who = shared ? `${target.name}（${target.position}）` : target.name;
  return `${safeFileName(`${prefix(docs)}-${order}-${who}-征求意见建议清单${internalSuffix(internal)}`)}.docx`;
}

/** Every list in one document. */
export function combinedListFileName(docs: MeetingDocs, internal: boolean): string {
  return `${safeFileName(`${prefix(docs)}-征求意见建议清单（全部）${internalSuffix(internal)}`)}.docx`;
}

/** The zip of one file per target, in web mode. */
export function listsZipName(docs: MeetingDocs, internal: boolean): string {
  return `${safeFileName(`${prefix(docs)}-征求意见建议清单（逐人）${internalSuffix(internal)}`)}.zip`;
}

/** The folder the command line writes a meeting's files into. */
export function meetingFolderName(docs: MeetingDocs): string {
  return safeFileName(prefix(docs));
}

export function reportFileName(docs: MeetingDocs): string {
  return `${safeFileName(`${prefix(docs)}-征求意见情况报告`)}.docx`;
}

/** The ledger names providers, so its name says 内部资料. */
export function ledgerFileName(docs: MeetingDocs): string {
  return `${safeFileName(`${prefix(docs)}-意见建议汇总台账（内部资料）`)}.xlsx`;
}
