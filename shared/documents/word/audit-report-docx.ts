// 督导审核意见: the supervisory group's audit of one meeting as a GB/T 9704 document — the counts
// (the readiness report's matrix), what is missing, the copies and perfunctory opinions with both
// texts side by side (an identical text once), the verdict with its reasons and every earlier
// verdict, signed by the auditor. Providers never appear.
import type { FileChild } from 'docx';
import { COPY_KINDS } from '../../checks/copy-detection';
import type { Audit } from '../../model/types';
import { isAuditStale, VERDICT_LABELS } from '../../supervision/audit';
import { latestAudit } from '../../supervision/summary';
import { countWarnings, type MeetingWarning } from '../../supervision/warnings';
import { chineseTime, warningRows, type AuditReportInput } from '../audit-docs';
import { sentence } from '../office-text';
import { chineseDate, meetingHeading } from '../meeting-docs';
import { docxBytes, FONT_SIZE, gbDocument, gbLayout, type FontMode, type GbLayout } from './layout';
import { checklistBlocks, materialBlocks, talkBlocks } from './pre-meeting-blocks';
import { matrixTable, shortfallBlocks } from './readiness-report-docx';
import { subsections, type Subsection } from './subsections';

export interface AuditReportOptions {
  mode: FontMode;
  /** `YYYY-MM-DD`: the date under the report. */
  date: string;
  /** At most this many warnings of each part are listed (the Excel overview lists all of them); 20 when left out. */
  maxWarnings?: number;
}

const COPY_KIND_SET = new Set<MeetingWarning['kind']>(COPY_KINDS);

function warningSummary(warnings: readonly MeetingWarning[]): string {
  const c = countWarnings(warnings);
  const parts = [
    c['cross-unit'] > 0 && `与其他单位意见相同或近似（疑似抄袭）${c['cross-unit']}条`,
    c['cross-target'] > 0 && `不同对象之间意见雷同${c['cross-target']}处`,
    c['same-target'] > 0 && `同一对象意见近似重复${c['same-target']}处`,
    c['praise-only'] > 0 && `只有表扬、没有具体意见${c['praise-only']}条`,
    c['too-short'] > 0 && `内容过短、不够具体${c['too-short']}条`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? '经比对，未发现雷同、抄袭和敷衍应付的意见。' : `经比对，发现${parts.join('，')}。`;
}

function warningBlocks(g: GbLayout, input: AuditReportInput, max: number): FileChild[] {
  const { warnings, labels, docs } = input;
  const title = () => meetingHeading(docs.input.meeting);
  const copies = warningRows(warnings.filter((w) => COPY_KIND_SET.has(w.kind)), labels, title);
  const perfunctory = warningRows(warnings.filter((w) => !COPY_KIND_SET.has(w.kind)), labels, title);
  const more = (n: number) => (n > max ? [g.paragraph(`另有${n - max}条，详见督导总览表的“警示明细”。`)] : []);
  const parts: Subsection[] = [];
  if (copies.length > 0) {
    parts.push({
      title: `雷同和疑似抄袭的意见（${copies.length}条）`,
      blocks: [
        g.table({
          header: ['序号', '本单位意见', '相同或近似的意见', '相似度'],
          widths: [7, 46, 40, 10],
          align: ['center', 'left', 'left', 'center'],
          sizePt: FONT_SIZE.五号,
          // A long pair of texts may run on to the next page rather than leave this one empty.
          rowsMaySplit: true,
          rows: copies.slice(0, max).map((w, i) => {
            const where = `${w.otherUnit ? `${w.otherUnit}·` : ''}${w.otherTarget}·${w.otherCategory}`;
            // An identical text is printed once; the other side names where it also stands.
            const other = w.otherContent.trim() === w.content.trim() ? `${where}\n（内容同左）` : `${where}\n${w.otherContent}`;
            return [String(i + 1), `${w.kind}｜${w.target}·${w.category}\n${w.content}`, other, w.similarity];
          }),
        }),
        ...more(copies.length),
      ],
    });
  }
  if (perfunctory.length > 0) {
    parts.push({
      title: `敷衍应付的意见（${perfunctory.length}条）`,
      blocks: [...perfunctory.slice(0, max).map((w, i) => g.numbered(i + 1, `${w.target}·${w.category}：${w.content}`, `（${w.kind}）`)), ...more(perfunctory.length)],
    });
  }
  return [g.paragraph(warningSummary(warnings)), ...subsections(g, parts)];
}

function verdictBlocks(g: GbLayout, last: Audit | undefined, fingerprint: string): FileChild[] {
  if (!last) return [g.paragraph('尚未作出审核结论。')];
  const blocks: FileChild[] = [
    g.paragraph(`审核结论：${VERDICT_LABELS[last.verdict]}。审核人：${last.auditor}；审核时间：${chineseTime(last.at)}。`),
  ];
  if (last.overrideReason) blocks.push(g.paragraph(`该会议审核时尚有${last.snapshot.shortfalls.length}项未达要求，破例通过的理由：${last.overrideReason}`));
  if (last.reasons) blocks.push(g.paragraph(`审核意见：${last.reasons}`));
  if (last.ticked.length > 0) {
    blocks.push(g.paragraph(last.verdict === 'return' ? '需要整改的问题：' : '审核时指出的问题：'));
    last.ticked.forEach((t, i) => blocks.push(g.numbered(i + 1, sentence(t))));
  }
  if (isAuditStale(last, fingerprint)) blocks.push(g.paragraph('（审核之后该会议的意见、名单或会前准备情况已有变化，本结论需要复核。）'));
  return blocks;
}

/** The body of the audit report. */
export function auditReportBlocks(input: AuditReportInput, options: AuditReportOptions): FileChild[] {
  const g = gbLayout(options.mode);
  const { docs, audits, fingerprint } = input;
  const { unit, meeting } = docs.input;
  const r = docs.readiness;
  const last = latestAudit(audits);
  const members = docs.targets.filter((t) => !t.isGroup).length;
  // Three short lines: a 二号 line holds about 20 characters.
  const blocks: FileChild[] = [g.title(`${unit.name}\n${meetingHeading(meeting)}\n会前征求意见督导审核意见`), g.blank()];
  blocks.push(
    g.paragraph(
      `督导组对${unit.name}${meetingHeading(meeting)}会前征求意见情况进行了审核。共有征求意见对象${docs.targets.length}个（含班子成员${members}人），` +
        `收集意见建议${r.totals.raw}条，计入${r.totals.counted}条；${r.ready ? '各对象各类来源意见均达到最低条数要求。' : `尚有${r.messages.length}项未达到要求。`}`,
    ),
  );
  blocks.push(g.heading1(1, '征求意见统计'));
  blocks.push(matrixTable(g, docs), g.blank());
  blocks.push(g.heading1(2, '未达要求的情况'));
  blocks.push(...shortfallBlocks(g, docs));
  blocks.push(g.heading1(3, '雷同、抄袭和敷衍应付的情况'));
  blocks.push(...warningBlocks(g, input, options.maxWarnings ?? 20));
  let n = 4;
  const pre = input.preMeeting;
  if (pre) {
    blocks.push(...checklistBlocks(g, pre.checklist, n++));
    if (pre.matrix.members.length > 0) blocks.push(...talkBlocks(g, pre.matrix, pre.coverage, n++));
    blocks.push(...materialBlocks(g, pre.reviews, n++));
  }
  blocks.push(g.heading1(n++, '审核结论'));
  blocks.push(...verdictBlocks(g, last, fingerprint));
  const earlier = [...audits].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  if (earlier.length > 1) {
    blocks.push(g.heading1(n, '审核记录'));
    blocks.push(
      g.table({
        header: ['时间', '结论', '审核人', '理由'],
        widths: [22, 12, 18, 48],
        align: ['center', 'center', 'center', 'left'],
        sizePt: FONT_SIZE.五号,
        rowsMaySplit: true,
        rows: earlier.map((a) => [chineseTime(a.at), VERDICT_LABELS[a.verdict], a.auditor, [a.reasons, a.overrideReason && `破例通过：${a.overrideReason}`].filter(Boolean).join('\n')]),
      }),
    );
  }
  blocks.push(...g.signature(last ? last.auditor : '督导组', chineseDate(options.date)));
  return blocks;
}

/** The audit report as a .docx. */
export function auditReportDocx(input: AuditReportInput, options: AuditReportOptions): Promise<Uint8Array> {
  const { unit, meeting } = input.docs.input;
  return docxBytes(gbDocument({ title: `${unit.name}${meetingHeading(meeting)}督导审核意见`, mode: options.mode, internal: false, children: auditReportBlocks(input, options) }));
}
