// The records an import writes, built the same way by the app's repository and the command line.
import { duplicateKey, type DuplicateFields } from '../checks/duplicates';
import { newOpinion, prepareOpinion, type OpinionDraft } from '../model/drafts';
import type { ScanCell } from '../model/opinion-images';
import type { Opinion } from '../model/types';

/** One row the preview decided to add: where it came from and what it says. */
export interface ImportRow {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  draft: OpinionDraft;
  /** The row's own file, when one commit takes rows of several files (paper forms); else the commit's. */
  file?: string;
  /** A row read from a paper form: its page, cell and the cell's picture, stored with the opinion (shared/model/opinion-images.ts). */
  scan?: ScanCell;
}

/** A new opinion for an imported row; its origin remembers the file, sheet (or page and cell) and row. */
export function importedOpinion(row: ImportRow, meta: { meetingId: string; actor: string; file: string; now: string }): Opinion {
  const d = row.draft;
  return newOpinion(
    { targetId: d.targetId, category: d.category, channel: d.channel, content: d.content, provider: d.provider ?? '', dimension: d.dimension ?? '', receivedDate: d.receivedDate ?? '' },
    { meetingId: meta.meetingId, enteredBy: meta.actor, origin: { kind: 'imported', file: row.file ?? meta.file, sheet: row.sheet, row: row.row }, now: meta.now },
  );
}

/** The change-log line of an imported opinion: `导入意见（意见表.xlsx·Sheet1 第 5 行，张三（局长） · 上级领导）：…`. */
export function importSummary(opinion: Opinion, targetLabel: string): string {
  const origin = opinion.origin.kind === 'imported' ? opinion.origin : { file: '', sheet: '', row: 0 };
  const content = opinion.content.length > 30 ? `${opinion.content.slice(0, 30)}…` : opinion.content;
  return `导入意见（${origin.file}${origin.sheet ? `·${origin.sheet}` : ''} 第 ${origin.row} 行，${targetLabel} · ${opinion.category}）：${content}`;
}

/**
 * The opinions an import writes, decided the same way by the app (inside its transaction, against
 * the meeting as it is then) and the command line: each record validated again by prepareOpinion
 * and stored with its cleaned fields; a repeat of what the meeting has, or of an earlier row, left
 * out; a row that no longer validates named in `problems` (then nothing should be written).
 */
export function finishImport(
  records: readonly Opinion[],
  rows: readonly Pick<ImportRow, 'sheet' | 'row'>[],
  context: Parameters<typeof prepareOpinion>[1],
  existing: Iterable<DuplicateFields>,
): { opinions: Opinion[]; problems: string[] } {
  const seen = new Set([...existing].map(duplicateKey));
  const problems: string[] = [];
  const opinions: Opinion[] = [];
  records.forEach((o, i) => {
    const checked = prepareOpinion(o, context);
    if (!checked.ok) {
      const row = rows[i]!;
      problems.push(`${row.sheet ? `工作表“${row.sheet}”` : ''}第 ${row.row} 行：${checked.problems.join('；')}`);
      return;
    }
    const record = { ...o, ...checked.value };
    const key = duplicateKey(record);
    if (seen.has(key)) return;
    seen.add(key);
    opinions.push(record);
  });
  return { opinions, problems };
}
