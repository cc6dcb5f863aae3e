import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { OutputFile } from '#shared/documents/meeting-files';
import { rectificationListFile, rectificationReportFile } from '#shared/documents/rectification-files';
import type { FontMode } from '#shared/documents/word/layout';
import { useWorkbench } from '../../app/workbench-context';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { loadLedgerDocs, type LedgerDocs } from '../../meeting/ledger-docs';

const WORD = [{ name: 'Word 文档', extensions: ['docx'] }];
const EXCEL = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** 整改: the Word 整改清单 (公示版) and 整改落实情况报告 (with 上年度整改落实情况), and the Excel 整改台账. */
export function RectificationExportCard({ mode }: { mode: FontMode }) {
  const data = useMeeting();
  const { repos } = useWorkbench();
  const run = useAction();
  const [busy, setBusy] = useState<string>();
  const ledger = useLiveQuery(() => repos.listLedger(data.meeting.id), [repos, data.meeting.id]);
  // What the 整改清单 lists: registered items whose (live) problem is published. None: the button is
  // off, as the 两张清单's 公示版 is (a document saying 暂无公示的整改事项 is nothing to publish).
  const live = new Map((ledger?.problems ?? []).map((p) => [p.id, p]));
  const registered = (ledger?.entries ?? []).filter((e) => !e.deletedAt && live.has(e.problemId));
  const published = registered.filter((e) => live.get(e.problemId)!.published).length;

  const save = (key: string, make: (docs: LedgerDocs) => Promise<OutputFile>, filters: typeof WORD) =>
    run(
      async () => {
        setBusy(key);
        try {
          await nextPaint();
          const docs = await loadLedgerDocs(repos, data);
          if (docs.pd.ledger.length === 0) return '尚无挂号的整改事项，请先在“整改”中挂号';
          const file = await make(docs);
          const saved = unwrap(await desktop().saveFile({ suggestedName: file.name, filters, data: file.data }));
          return saved.saved ? `已导出“${file.name}”` : '已取消导出';
        } finally {
          setBusy(undefined);
        }
      },
      (m) => m,
    );

  return (
    <Card size="small" title={<><AuditOutlined /> 整改清单与整改台账</>} data-testid="rectification-exports">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Button block disabled={busy !== undefined || published === 0} loading={busy === 'list'} onClick={() => void save('list', ({ pd }) => rectificationListFile(pd, { mode }), WORD)}>
          导出整改清单（公示版，Word）
        </Button>
        <Button block disabled={busy !== undefined} loading={busy === 'report'} onClick={() => void save('report', ({ pd, previous }) => rectificationReportFile(pd, { mode, previous }), WORD)}>
          导出整改落实情况报告（Word）
        </Button>
        <Button
          block
          disabled={busy !== undefined}
          loading={busy === 'xlsx'}
          onClick={() =>
            void save(
              'xlsx',
              async ({ pd }) => {
                // ExcelJS takes about 130 ms to load: only when the ledger is asked for.
                const { rectificationWorkbookFile } = await import('#shared/documents/excel/rectification-file');
                return rectificationWorkbookFile(pd);
              },
              EXCEL,
            )
          }
        >
          导出整改台账（Excel，含进展情况）
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          整改清单只列公示的问题；报告列出各状态项数、分对象销号率、逾期和7日内到期事项，以及上年度整改落实情况。逾期以今天为准。共挂号 {registered.length} 项，其中公示{' '}
          <span data-testid="rectification-published">{published}</span> 项{published === 0 ? '（在“查摆问题”中将问题列入公示后可导出整改清单）' : ''}。
        </Typography.Text>
      </Space>
    </Card>
  );
}
