// File names a person can find in a folder: year, unit, the target's place in rank order and
// name, then what the file is — `2025年度-某某局-03-李四-征求意见建议清单.docx`. Every name fits the
// file systems' limits (shared/files/safe-names.ts): a long unit name is shortened first, then a
// long person's name; the rank and the kind of file are never cut, so names stay distinct.
import { composeFileName, NAME_BUDGET, type NamePart } from '../files/safe-names';
import type { DocTarget, MeetingDocs } from './meeting-docs';

/** Room kept for an extension the caller appends to {@link safeFileName}. */
const EXTENSION_ROOM = 16;

/** A name safe on Windows and Linux: no separators or reserved characters or names, no leading or trailing dots and spaces, short enough for an extension to follow. */
export function safeFileName(name: string): string {
  return composeFileName([{ text: name, cut: 1 }], '', NAME_BUDGET - EXTENSION_ROOM);
}

function prefix(docs: MeetingDocs): NamePart[] {
  return [`${docs.input.meeting.year}年度`, { text: docs.input.unit.name, cut: 1 }];
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
  return composeFileName([...prefix(docs), order, { text: who, cut: 2 }, `征求意见建议清单${internalSuffix(internal)}`], '.docx');
}

/** Every list in one document. */
export function combinedListFileName(docs: MeetingDocs, internal: boolean): string {
  return composeFileName([...prefix(docs), `征求意见建议清单（全部）${internalSuffix(internal)}`], '.docx');
}

/** The zip of one file per target, in web mode. */
export function listsZipName(docs: MeetingDocs, internal: boolean): string {
  return composeFileName([...prefix(docs), `征求意见建议清单（逐人）${internalSuffix(internal)}`], '.zip');
}

/** The folder the command line writes a meeting's files into. */
export function meetingFolderName(docs: MeetingDocs): string {
  return composeFileName(prefix(docs));
}

export function reportFileName(docs: MeetingDocs): string {
  return composeFileName([...prefix(docs), '征求意见情况报告'], '.docx');
}

/** The ledger names providers, so its name says 内部资料. */
export function ledgerFileName(docs: MeetingDocs): string {
  return composeFileName([...prefix(docs), '意见建议汇总台账（内部资料）'], '.xlsx');
}
