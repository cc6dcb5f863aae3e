// 对照检查材料审核 as Excel, for the command line's `materials` verb: 材料警示 (one row per warning of
// each person's material, with its quotes) and 雷同段落 (each copied paragraph beside its source, with
// the similarity). Printable on A4 landscape; no providers appear.
import ExcelJS from 'exceljs';
import { MATERIAL_WARNING_LABELS } from '../../materials/checks';
import { MATERIAL_COPY_LABELS } from '../../materials/copies';
import type { MaterialReview } from '../../materials/review';
import { DOCUMENT_CREATOR } from '../word/layout';
import { addTableSheet } from './table-sheet';

interface MaterialSheetMeeting {
  /** `某某县交通运输局 2025年度民主生活会` */
  heading: string;
  reviews: readonly MaterialReview[];
}

/** The workbook as .xlsx bytes. `date` (`YYYY-MM-DD`) stamps its creation. */
export async function materialWorkbookXlsx(meetings: readonly MaterialSheetMeeting[], options: { date: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = DOCUMENT_CREATOR;
  workbook.lastModifiedBy = DOCUMENT_CREATOR;
  workbook.title = '对照检查材料审核情况';
  const stamp = new Date(`${options.date}T00:00:00Z`);
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;
  const reviewed = meetings.flatMap((m) => m.reviews.map((r) => ({ m, r })));
  addTableSheet(workbook, {
    name: '材料警示',
    title: '对照检查材料警示',
    columns: [
      { header: '单位和会议', width: 22, wrap: true },
      { header: '对象', width: 16, wrap: true },
      { header: '材料', width: 20, wrap: true },
      { header: '问题', width: 14, wrap: true },
      { header: '说明', width: 36, wrap: true },
      { header: '原文', width: 50, wrap: true },
    ],
    rows: reviewed.flatMap(({ m, r }) =>
      !r.material
        ? [[m.heading, r.label, '', '未提交', '尚未提交对照检查材料', '']]
        : r.warnings.filter((w) => w.kind !== 'copy').map((w) => [m.heading, r.label, r.material!.title || '（无标题）', MATERIAL_WARNING_LABELS[w.kind], w.message, w.kind === 'dimension-missing' ? '' : w.quotes.join('\n')]),
    ),
  });
  addTableSheet(workbook, {
    name: '雷同段落',
    title: '对照检查材料雷同段落',
    columns: [
      { header: '单位和会议', width: 22, wrap: true },
      { header: '对象', width: 16, wrap: true },
      { header: '本材料段落', width: 48, wrap: true },
      { header: '雷同类型', width: 14, wrap: true },
      { header: '相同或近似的材料', width: 22, wrap: true },
      { header: '该材料段落', width: 48, wrap: true },
      { header: '相似度', width: 8, center: true },
    ],
    rows: reviewed.flatMap(({ m, r }) => r.copies.map((c) => [m.heading, r.label, c.a.text, MATERIAL_COPY_LABELS[c.kind], c.b.label, c.b.text, c.similarity >= 1 ? '相同' : `${Math.round(c.similarity * 100)}%`])),
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
