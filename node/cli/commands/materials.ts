import { materialWorkbookXlsx } from '#shared/documents/excel/material-workbook';
import { meetingHeading } from '#shared/documents/meeting-docs';
import { MATERIAL_COPY_LABELS } from '#shared/materials/copies';
import { SEND_BACK_KINDS } from '#shared/materials/review';
import { isValidDate } from '#shared/model/drafts';
import type { PackageContent } from '#shared/package/format';
import { todayDate } from '#shared/util/ids';
import { CliError, EXIT_NOT_READY, EXIT_OK } from '../errors';
import { loadLatestPackages, writeUserFile, type CliIo } from '../io';
import { preMeetingOfPackages } from '../pre-meeting';

export const MATERIALS_HELP = `materials PACKAGE… [--xlsx FILE] [--date YYYY-MM-DD]
    对照检查材料审核：列出每份材料的警示（未回应征求到的意见、问题剖析篇幅不足、成绩一大段、
    未对照规定方面、套话多、未见人见事）和雷同段落（与其他单位、本班子其他成员、本人上年度的
    材料相同或近似，在给出的所有数据包之间比对），两段原文并列。
    --xlsx  同时写出 Excel（“材料警示”和“雷同段落”两张表）
    --date  Excel 中的日期（默认今天）
    没有需要退回修改的材料时退出码为 0，有未提交、未回应意见、篇幅不足或雷同的材料时为 1，
    输入有误时为 2。`;

/** Quotes shown per warning on the terminal (the Excel file has them all). */
const MAX_QUOTES = 2;
const cut = (s: string, n = 60) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/** `materials`: each meeting's 对照检查材料 warnings and the copies across every package given. */
export async function materialsCommand(packages: string[], options: { xlsx: string | undefined; date: string | undefined }, io: CliIo): Promise<number> {
  const date = options.date ?? todayDate();
  if (!isValidDate(date)) throw new CliError(`日期“${date}”格式不正确，应为 YYYY-MM-DD`);
  if (options.xlsx !== undefined && !/\.xlsx$/i.test(options.xlsx)) throw new CliError('--xlsx 的文件名应以 .xlsx 结尾');
  // Every package is read and checked before anything is written: bad input changes nothing.
  const contents: Array<{ file: string; content: PackageContent }> = [];
  contents.push(...(await loadLatestPackages(packages, io.cwd, io.out)));
  const meetings = preMeetingOfPackages(contents);
  if (meetings.length === 0) throw new CliError('数据包中没有会议');
  if (!meetings.some((m) => m.carried)) io.out('提示：数据包中没有对照检查材料（旧格式的数据包不含材料）。');

  let sendBack = 0;
  let copies = 0;
  for (const m of meetings) {
    io.out(`${m.unit.name} · ${m.meeting.title}`);
    for (const r of m.review.reviews) {
      if (!r.material) {
        sendBack++;
        io.out(`  ${r.label}：尚未提交对照检查材料`);
        continue;
      }
      if (r.warnings.some((w) => SEND_BACK_KINDS.has(w.kind))) sendBack++;
      io.out(`  ${r.label}：《${r.material.title || '（无标题）'}》${r.warnings.length === 0 ? '未发现问题' : `警示 ${r.warnings.length} 处`}`);
      for (const w of r.warnings.filter((x) => x.kind !== 'copy')) {
        io.out(`    - ${w.message}`);
        if (w.kind !== 'dimension-missing') for (const q of w.quotes.slice(0, MAX_QUOTES)) io.out(`        “${cut(q)}”`);
      }
      for (const c of r.copies) {
        copies++;
        io.out(`    - ${MATERIAL_COPY_LABELS[c.kind]}（${c.similarity >= 1 ? '相同' : `相似度 ${Math.round(c.similarity * 100)}%`}）：${c.b.label}`);
        io.out(`        本材料：“${cut(c.a.text)}”`);
        io.out(`        该材料：“${cut(c.b.text)}”`);
      }
    }
  }
  const total = meetings.reduce((n, m) => n + m.review.reviews.length, 0);
  io.out('');
  io.out(`共 ${meetings.length} 次会议、应交材料 ${total} 份：需要退回修改或补交 ${sendBack} 份，雷同段落 ${copies} 处。`);
  if (options.xlsx !== undefined) {
    const data = await materialWorkbookXlsx(
      meetings.map((m) => ({ heading: `${m.unit.name} ${meetingHeading(m.meeting)}`, reviews: m.review.reviews })),
      { date },
    );
    const written = await writeUserFile(options.xlsx, io.cwd, data);
    io.out(`已写出对照检查材料审核表：${written}`);
  }
  return sendBack > 0 ? EXIT_NOT_READY : EXIT_OK;
}
