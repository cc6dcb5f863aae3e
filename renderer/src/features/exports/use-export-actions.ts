import { useState } from 'react';
import { listFileName, listsZipName } from '#shared/documents/file-names';
import type { MeetingDocs } from '#shared/documents/meeting-docs';
import type { ProblemDocs } from '#shared/documents/problem-docs';
import { combinedListFile, listFiles, reportFile, type OutputFile } from '#shared/documents/meeting-files';
import type { FontMode } from '#shared/documents/word/layout';
import type { PreviousYear } from '#shared/documents/word/previous-year-blocks';
import { opinionListDocx } from '#shared/documents/word/opinion-list-docx';
import { todayDate } from '#shared/util/ids';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';

const WORD = [{ name: 'Word 文档', extensions: ['docx'] }];
const EXCEL = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

export interface ExportSettings {
  mode: FontMode;
  internal: boolean;
  /** The 梳理 and problem lists: the report gives the real 梳理 counts and coverage. */
  problems?: ProblemDocs;
  /** Loads last year's meeting with its ledger when the report is made (it reads last year's records). */
  loadPreviousYear?: () => Promise<PreviousYear | undefined>;
}

export interface Progress {
  done: number;
  total: number;
}

/** The export buttons' work: build the bytes here (shared/), let the desktop save them. */
export function useExportActions(docs: MeetingDocs, settings: ExportSettings) {
  const run = useAction();
  const [busy, setBusy] = useState<string>();
  const [progress, setProgress] = useState<Progress>();
  const { loadPreviousYear, ...fixed } = settings;
  const options = () => ({ ...fixed, date: todayDate() });

  const saveOne = async (file: OutputFile, filters: typeof WORD) => {
    const saved = unwrap(await desktop().saveFile({ suggestedName: file.name, filters, data: file.data }));
    return saved.saved ? `已导出“${file.name}”` : '已取消导出';
  };

  const task = (key: string, work: () => Promise<string>) =>
    run(async () => {
      setBusy(key);
      try {
        await nextPaint();
        return await work();
      } finally {
        setBusy(undefined);
        setProgress(undefined);
      }
    }, (m) => m);

  return {
    busy,
    progress,
    exportList: (targetId: string) =>
      task('list', async () => {
        const target = docs.targets.find((t) => t.id === targetId)!;
        const data = await opinionListDocx(docs, targetId, options());
        return saveOne({ name: listFileName(docs, target, settings.internal), data }, WORD);
      }),
    exportEachList: () =>
      task('each', async () => {
        setProgress({ done: 0, total: docs.targets.length });
        const files = await listFiles(docs, {
          ...options(),
          onProgress: async (done, total) => {
            setProgress({ done, total });
            await nextPaint();
          },
        });
        const folderName = listsZipName(docs, settings.internal).replace(/\.zip$/, '');
        const saved = unwrap(await desktop().saveFiles({ folderName, files }));
        return saved.saved ? `已导出 ${saved.count} 份清单到“${saved.folder}”` : '已取消导出';
      }),
    exportCombined: () => task('combined', async () => saveOne(await combinedListFile(docs, options()), WORD)),
    exportReport: () =>
      task('report', async () => {
        const previousYear = await loadPreviousYear?.();
        return saveOne(await reportFile(docs, { ...options(), ...(previousYear ? { previousYear } : {}) }), WORD);
      }),
    exportLedger: () =>
      task('ledger', async () => {
        // ExcelJS takes about 130 ms to load: only when a ledger is asked for.
        const { ledgerFile } = await import('#shared/documents/excel/ledger-file');
        return saveOne(await ledgerFile(docs, { date: todayDate() }), EXCEL);
      }),
    print: () =>
      run(async () => {
        const result = unwrap(await desktop().printPage());
        return result.printed;
      }),
  };
}
