// What the supervisory documents are built from: the audit report of one meeting (Word) and the
// overview of every unit (Excel) share the flattening of warnings into rows and the file names.
import type { PreMeetingReview } from '../supervision/pre-meeting-review';
import type { Audit } from '../model/types';
import { WARNING_KIND_LABELS, type MeetingWarning, type WarningLabels } from '../supervision/warnings';
import { composeFileName } from '../files/safe-names';
import { safeFileName } from './file-names';
import type { MeetingDocs } from './meeting-docs';

/** One warning as a row of a table: who and what on each side, in Chinese. */
export interface WarningRow {
  unit: string;
  meeting: string;
  /** 雷同, 近似重复, 疑似抄袭, 仅表扬, 过短 */
  kind: string;
  target: string;
  category: string;
  content: string;
  /** For copies: the other opinion's unit (for 疑似抄袭), target and text. */
  otherUnit: string;
  otherTarget: string;
  otherCategory: string;
  otherContent: string;
  /** `相同`, `87%`, or empty for a single-opinion warning. */
  similarity: string;
}

/** `相同` for the same compared text, else the percentage. */
export function similarityText(similarity: number | undefined): string {
  if (similarity === undefined) return '';
  return similarity >= 1 ? '相同' : `${Math.round(similarity * 100)}%`;
}

/** Flattens warnings into rows; `meetingTitle` names the meeting of the warned opinion. */
export function warningRows(warnings: readonly MeetingWarning[], labels: WarningLabels, meetingTitle: (meetingId: string) => string): WarningRow[] {
  return warnings.map((w) => ({
    unit: labels.unit(w.a.unitId),
    meeting: meetingTitle(w.a.meetingId),
    kind: WARNING_KIND_LABELS[w.kind],
    target: labels.target(w.a.meetingId, w.a.targetId),
    category: w.a.category,
    content: w.a.content,
    otherUnit: w.b && w.b.unitId !== w.a.unitId ? labels.unit(w.b.unitId) : '',
    otherTarget: w.b ? labels.target(w.b.meetingId, w.b.targetId) : '',
    otherCategory: w.b?.category ?? '',
    otherContent: w.b?.content ?? '',
    similarity: similarityText(w.similarity),
  }));
}

/** Everything the audit report of one meeting shows. */
export interface AuditReportInput {
  docs: MeetingDocs;
  /** The meeting's warnings: inside the meeting and, from the last scan, across units. */
  warnings: readonly MeetingWarning[];
  labels: WarningLabels;
  /** Every verdict on the meeting, any order. */
  audits: readonly Audit[];
  /** The meeting's verdict fingerprint now (verdictFingerprint): a verdict with another one is stale. */
  fingerprint: string;
  /** The pre-meeting check (会前准备 checklist, 谈心谈话, 对照检查材料), when the report includes it. */
  preMeeting?: Pick<PreMeetingReview, 'checklist' | 'reviews' | 'matrix' | 'coverage'>;
}

/** `2025年度-某某局-督导审核意见.docx` */
export function auditReportFileName(docs: MeetingDocs): string {
  return composeFileName([`${docs.input.meeting.year}年度`, { text: docs.input.unit.name, cut: 1 }, '督导审核意见'], '.docx');
}

/** `督导总览-20251121.xlsx` */
export function overviewFileName(date: string): string {
  return `${safeFileName(`督导总览-${date.replace(/-/g, '')}`)}.xlsx`;
}

/** An ISO time as local `2025年11月21日 14:05`. */
export function chineseTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${two(d.getHours())}:${two(d.getMinutes())}`;
}
