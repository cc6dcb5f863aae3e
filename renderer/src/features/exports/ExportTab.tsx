import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Progress, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { opinionList, opinionLists } from '#shared/documents/opinion-list';
import type { FontMode } from '#shared/documents/word/layout';
import { todayDate } from '#shared/util/ids';
import { nextPaint } from '../../lib/desktop-result';
import { useMeeting } from '../../meeting/meeting-context';
import { PrintLayout } from './PrintLayout';
import { PrintPortal } from './PrintPortal';
import { RectificationExportCard } from './RectificationExportCard';
import { useExportActions } from './use-export-actions';
import { useMeetingDocs } from '../../meeting/use-meeting-docs';
import { useProblemData } from '../../meeting/use-problem-data';
import { ProblemExportCard } from './ProblemExportCard';
import { useWorkbench } from '../../app/workbench-context';
import { loadLedgerDocs } from '../../meeting/ledger-docs';

const INTERNAL_WARNING = '内部版本的清单列有每条意见的提出方，每页标注“内部资料”，只能供组织部门和督导组工作使用，不得提供给被征求意见的领导本人。';

/** 导出与打印: the Word lists and report, the Excel ledger, and the print layout of a list. */
export function ExportTab() {
  const data = useMeeting();
  const { modal } = App.useApp();
  const docs = useMeetingDocs(data);
  const [mode, setMode] = useState<FontMode>('official');
  const [internal, setInternal] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const [printAll, setPrintAll] = useState(false);
  const pd = useProblemData(data)?.pd;
  const { repos } = useWorkbench();
  // 上年度整改落实情况 in the report: last year's meeting and this year's ledger, read when the report is made.
  const loadPreviousYear = async () => {
    const ledger = await loadLedgerDocs(repos, data);
    return ledger.previous ? { last: ledger.previous, carried: ledger.pd.ledger.map((r) => r.entry) } : undefined;
  };
  const actions = useExportActions(docs, { mode, internal, problems: pd, loadPreviousYear });
  const targetId = docs.targets.some((t) => t.id === chosen) ? chosen! : docs.targets[0]?.id;
  const date = todayDate();

  const shown = useMemo(() => (targetId ? [opinionList(docs, targetId, { internal, date, problems: pd })] : []), [docs, targetId, internal, date, pd]);
  const all = useMemo(() => (printAll ? opinionLists(docs, { internal, date, problems: pd }) : []), [docs, printAll, internal, date, pd]);

  const askInternal = (checked: boolean) => {
    if (!checked) return setInternal(false);
    modal.confirm({
      title: '生成内部版本？',
      content: INTERNAL_WARNING,
      okText: '生成内部版本',
      cancelText: '取消',
      onOk: () => setInternal(true),
    });
  };

  const print = async (everything: boolean) => {
    setPrintAll(everything);
    await nextPaint();
    await actions.print();
    setPrintAll(false);
  };

  const busy = actions.busy !== undefined;
  if (docs.targets.length === 0) return <Alert type="info" showIcon message="尚未录入班子成员名单，暂无可导出的清单。" />;

  return (
    <Flex gap={16} align="flex-start">
      <Space direction="vertical" size={12} style={{ width: 420, flex: 'none' }}>
        <Card size="small" title="选项">
          <Space direction="vertical" size={10} style={{ width: '100%' }}>
            <Space>
              <Typography.Text>清单对象</Typography.Text>
              <Select
                data-testid="export-target"
                aria-label="清单对象"
                style={{ width: 260 }}
                value={targetId}
                onChange={setChosen}
                options={docs.targets.map((t) => ({ value: t.id, label: t.label }))}
              />
            </Space>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as FontMode)} aria-label="字体">
              <Space direction="vertical" size={2}>
                <Radio value="official">正式字体（方正小标宋简体、仿宋_GB2312）</Radio>
                <Radio value="compatible">兼容字体（宋体、仿宋、楷体、黑体）</Radio>
              </Space>
            </Radio.Group>
            <Checkbox checked={internal} onChange={(e) => askInternal(e.target.checked)}>
              内部版本（清单中列出意见提出方）
            </Checkbox>
            {internal && <Alert type="warning" showIcon data-testid="internal-warning" message="当前为内部版本" description={INTERNAL_WARNING} />}
          </Space>
        </Card>

        <Card size="small" title={<><FileWordOutlined /> Word 清单与报告</>}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Button block disabled={busy} loading={actions.busy === 'list'} onClick={() => targetId && void actions.exportList(targetId)}>
              导出所选对象的清单
            </Button>
            <Button block disabled={busy} loading={actions.busy === 'each'} onClick={() => void actions.exportEachList()}>
              逐人导出全部清单（每人一个文件）
            </Button>
            {actions.progress && (
              <Progress
                data-testid="export-progress"
                percent={Math.round((actions.progress.done / Math.max(1, actions.progress.total)) * 100)}
                format={() => `${actions.progress!.done}/${actions.progress!.total}`}
              />
            )}
            <Button block disabled={busy} loading={actions.busy === 'combined'} onClick={() => void actions.exportCombined()}>
              全部清单合为一个文件（每人从单数页起，页码各自编排）
            </Button>
            <Button block disabled={busy} loading={actions.busy === 'report'} onClick={() => void actions.exportReport()}>
              导出征求意见情况报告
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              清单按意见来源分类、逐条编号，只列计入的意见（有实质内容、不重复）；领导班子在前，成员按排序。除内部版本外不列提出方。
            </Typography.Text>
          </Space>
        </Card>

        <Card size="small" title={<><FileExcelOutlined /> Excel 台账</>}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Button block disabled={busy} loading={actions.busy === 'ledger'} onClick={() => void actions.exportLedger()}>
              导出意见建议汇总台账（内部资料）
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              台账逐条列出全部意见及提出方，另有“统计”“缺项清单”两张表。含提出方信息，属内部资料。
            </Typography.Text>
          </Space>
        </Card>

        <ProblemExportCard pd={pd} mode={mode} />
        <RectificationExportCard mode={mode} />
      </Space>

      <Card
        size="small"
        title={<><PrinterOutlined /> 打印预览</>}
        style={{ flex: 1, minWidth: 0 }}
        styles={{ body: { padding: 0 } }}
        extra={
          <Space>
            <Button onClick={() => void print(true)}>打印全部清单</Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print(false)}>
              打印此清单
            </Button>
          </Space>
        }
      >
        <div className="print-preview" data-testid="print-preview" style={{ maxHeight: 'calc(100vh - 250px)' }}>
          <PrintLayout lists={shown} />
        </div>
      </Card>
      <PrintPortal lists={printAll ? all : shown} />
    </Flex>
  );
}
