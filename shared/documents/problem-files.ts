// Every problem and ledger file of a meeting, named the way the opinion lists are named
// (`2025年度-某某局-03-李四-问题清单（公示版）.docx`), so the app and the command line write the same
// files. The Excel files load ExcelJS; callers that must stay light import them lazily.
import { safeFileName } from './file-names';
import type { DocTarget } from './meeting-docs';
import type { OutputFile } from './meeting-files';
import type { ProblemDocs } from './problem-docs';
import { combinedProblemListsDocx, problemListDocx, type ProblemListOptions } from './word/problem-list-docx';
import { rectificationListDocx, rectificationReportDocx } from './word/rectification-docx';
import type { FontMode } from './word/layout';

export const prefix = (pd: ProblemDocs) => `${pd.docs.input.meeting.year}年度-${pd.docs.input.unit.name}`;
const version = (publicVersion: boolean) => (publicVersion ? '（公示版）' : '（工作版，内部资料）');

/** `2025年度-某某局-00-领导班子-问题清单（公示版）.docx`; members are `NN-姓名-个人问题清单`. */
function problemListFileName(pd: ProblemDocs, target: DocTarget, publicVersion: boolean): string {
  const what = target.isGroup ? '问题清单' : '个人问题清单';
  return `${safeFileName(`${prefix(pd)}-${String(target.order).padStart(2, '0')}-${target.name}-${what}${version(publicVersion)}`)}.docx`;
}

function combinedProblemListFileName(pd: ProblemDocs, publicVersion: boolean): string {
  return `${safeFileName(`${prefix(pd)}-问题清单（全部）${version(publicVersion)}`)}.docx`;
}

export const rectificationListFileName = (pd: ProblemDocs) => `${safeFileName(`${prefix(pd)}-整改清单（公示版）`)}.docx`;
export const rectificationReportFileName = (pd: ProblemDocs) => `${safeFileName(`${prefix(pd)}-整改落实情况报告`)}.docx`;

/** One list per target (the group, then members in rank order); targets with no item to show are left out. */
async function problemListFiles(pd: ProblemDocs, options: ProblemListOptions): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const list of pd.lists) {
    if ((options.publicVersion ? list.items.filter((p) => p.published) : list.items).length === 0) continue;
    files.push({ name: problemListFileName(pd, list.target, options.publicVersion), data: await problemListDocx(pd, list.target.id, options) });
  }
  return files;
}

/** The Word files of the problem lists and the ledger: each list, all lists in one, the 整改清单 and the report. */
export async function problemWordFiles(pd: ProblemDocs, options: { mode: FontMode; publicVersion: boolean }): Promise<OutputFile[]> {
  return [
    ...(await problemListFiles(pd, options)),
    { name: combinedProblemListFileName(pd, options.publicVersion), data: await combinedProblemListsDocx(pd, options) },
    ...(pd.ledger.length > 0
      ? [
          { name: rectificationListFileName(pd), data: await rectificationListDocx(pd, options) },
          { name: rectificationReportFileName(pd), data: await rectificationReportDocx(pd, options) },
        ]
      : []),
  ];
}

/** The 两张清单 in one file: the group's list, then each member's in rank order, each from an odd page. */
export async function combinedProblemListFile(pd: ProblemDocs, options: ProblemListOptions): Promise<OutputFile> {
  return { name: combinedProblemListFileName(pd, options.publicVersion), data: await combinedProblemListsDocx(pd, options) };
}

/** `2025年度-某某局-问题清单及意见回应情况.xlsx` */
export function problemWorkbookFileName(pd: ProblemDocs): string {
  return `${safeFileName(`${prefix(pd)}-问题清单及意见回应情况`)}.xlsx`;
}
