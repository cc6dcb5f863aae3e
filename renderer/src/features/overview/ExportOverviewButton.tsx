import { FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { warningRows } from '#shared/documents/audit-docs';
import type { OverviewRow } from '#shared/supervision/overview';
import { todayDate } from '#shared/util/ids';
import { useWorkbench } from '../../app/workbench-context';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';

/** 导出总览 Excel: the rows shown (filters applied), and every warning of those meetings. */
export function ExportOverviewButton({ rows }: { rows: OverviewRow[] }) {
  const { repos } = useWorkbench();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const exportOverview = () =>
    run(async () => {
      setBusy(true);
      try {
        await nextPaint();
        const shown = new Set(rows.map((r) => r.meetingId));
        const { warnings, labels, titles } = await repos.loadAllWarnings();
        const order = new Map(rows.map((r, i) => [r.meetingId, i]));
        const mine = warnings.filter((w) => shown.has(w.a.meetingId)).sort((a, b) => order.get(a.a.meetingId)! - order.get(b.a.meetingId)!);
        // ExcelJS takes about 130 ms to load: only when the workbook is asked for.
        const { overviewFile } = await import('#shared/documents/excel/overview-file');
        const file = await overviewFile(rows, warningRows(mine, labels, (id) => titles.get(id) ?? ''), { date: todayDate() });
        const saved = unwrap(await desktop().saveFile({ suggestedName: file.name, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], data: file.data }));
        return saved.saved ? `已导出“${file.name}”：${rows.length} 次会议，${mine.length} 条警示` : '已取消导出';
      } finally {
        setBusy(false);
      }
    }, (m) => m);
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} disabled={rows.length === 0} onClick={() => void exportOverview()} data-testid="export-overview">
      导出总览 Excel
    </Button>
  );
}
