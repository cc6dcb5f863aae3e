// The records an import writes, built the same way by the app's repository and the command line.
import { newOpinion, type OpinionDraft } from '../model/drafts';
import type { Opinion } from '../model/types';

/** One row the preview decided to add: where it came from and what it says. */
export interface ImportRow {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  draft: OpinionDraft;
}

/** A new opinion for an imported row; its origin remembers the file, sheet and row. */
export function importedOpinion(row: ImportRow, meta: { meetingId: string; actor: string; file: string; now: string }): Opinion {
  const d = row.draft;
  return newOpinion(
    { targetId: d.targetId, category: d.category, channel: d.channel, content: d.content, provider: d.provider ?? '', dimension: d.dimension ?? '', receivedDate: d.receivedDate ?? '' },
    { meetingId: meta.meetingId, enteredBy: meta.actor, origin: { kind: 'imported', file: meta.file, sheet: row.sheet, row: row.row }, now: meta.now },
  );
}

/** The change-log line of an imported opinion: `导入意见（意见表.xlsx·Sheet1 第 5 行，张三（局长） · 上级领导）：…`. */
export function importSummary(opinion: Opinion, targetLabel: string): string {
  const origin = opinion.origin.kind === 'imported' ? opinion.origin : { file: '', sheet: '', row: 0 };
  const content = opinion.content.length > 30 ? `${opinion.content.slice(0, 30)}…` : opinion.content;
  return `导入意见（${origin.file}${origin.sheet ? `·${origin.sheet}` : ''} 第 ${origin.row} 行，${targetLabel} · ${opinion.category}）：${content}`;
}
