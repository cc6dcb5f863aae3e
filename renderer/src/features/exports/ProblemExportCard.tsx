import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ProblemDocs } from '#shared/documents/problem-docs';
import { combinedProblemListFile } from '#shared/documents/problem-files';
import type { OutputFile } from '#shared/documents/meeting-files';
import type { FontMode } from '#shared/documents/word/layout';
import { todayDate } from '#shared/util/ids';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';

const WORD = [{ name: 'Word 文档', extensions: ['docx'] }];
const EXCEL = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** 两张清单: the 班子问题清单 and every 个人问题清单 in one Word file (working or 公示 version), and the problem workbook. */
export function ProblemExportCard({ pd, mode }: { pd: ProblemDocs | undefined; mode: FontMode }) {
  const run = useAction();
  const [busy, setBusy] = useState<string>();
  const items = pd ? pd.lists.reduce((n, l) => n + l.items.length, 0) : 0;
  const published = pd ? pd.lists.reduce((n, l) => n + l.items.filter((p) => p.published).length, 0) : 0;

  const save = (key: string, build: () => Promise<OutputFile>, filters: typeof WORD) =>
    run(async () => {
      setBusy(key);
      try {
        await nextPaint();
        const file = await build();
        const saved = unwrap(await desktop().saveFile({ suggestedName: file.name, filters, data: file.data }));
        return saved.saved ? `已导出“${file.name}”` : '已取消导出';
      } finally {
        setBusy(undefined);
      }
    }, (m) => m);

  return (
    <Card size="small" title={<><FileWordOutlined /> 两张清单（查摆问题）</>} data-testid="problem-exports">
      {!pd || items === 0 ? (
        <Typography.Text type="secondary">尚无查摆问题。在“查摆问题”中列出班子和个人的问题后可导出两张清单。</Typography.Text>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          {!pd.publication.ready && <Alert type="warning" showIcon message="暂不能公示" description={pd.publication.reasons.slice(0, 3).join('；') + (pd.publication.reasons.length > 3 ? `等${pd.publication.reasons.length}项` : '')} />}
          <Button block disabled={busy !== undefined} loading={busy === 'working'} onClick={() => void save('working', () => combinedProblemListFile(pd, { mode, publicVersion: false }), WORD)}>
            导出两张清单（工作版，内部资料）
          </Button>
          <Button block disabled={busy !== undefined || published === 0} loading={busy === 'public'} onClick={() => void save('public', () => combinedProblemListFile(pd, { mode, publicVersion: true }), WORD)}>
            导出两张清单（公示版）
          </Button>
          <Button
            block
            icon={<FileExcelOutlined />}
            disabled={busy !== undefined}
            loading={busy === 'xlsx'}
            onClick={() =>
              void save(
                'xlsx',
                async () => {
                  // ExcelJS loads only when a workbook is asked for.
                  const { problemWorkbookFile } = await import('#shared/documents/excel/problem-file');
                  return problemWorkbookFile(pd, { date: todayDate() });
                },
                EXCEL,
              )
            }
          >
            导出问题清单及意见回应情况（Excel）
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            横向A4表格，班子问题清单在前，个人问题清单按成员排序，每份从单数页起。工作版列出全部问题及问题来源、原因剖析、备注（五个明确缺项、不公示等）；公示版只列公示的问题，不含原因剖析和备注。两版均不列意见提出方。共 {items} 项问题，其中公示 {published} 项。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
