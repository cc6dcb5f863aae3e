import { ScanOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Modal, Row, Select, Space, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { filterOverview, overviewChoices, overviewRows, overviewTotals, STATUS_LABELS, STATUS_ORDER } from '#shared/supervision/overview';
import type { OverviewStatus } from '#shared/supervision/summary';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { runCopyScan, type ScanPhase } from './copy-scan';
import { ExportOverviewButton } from './ExportOverviewButton';
import { OverviewTable } from './OverviewTable';
import { StatusChart } from './StatusChart';
import { RectificationChart } from './RectificationChart';
import { formatDateTime } from '#shared/util/dates';

const ALL = '__all__';

/**
 * 督导总览: every unit's meeting with its status, filterable and sortable, with totals and a
 * chart. It reads the stored per-meeting summaries and the units — a few hundred small rows,
 * never the opinions — so it stays instant at county scale.
 */
/** `mergeAction`: the button that merges packages, handed in by the app (it belongs to the exchange feature). */
export function OverviewPage({ mergeAction }: { mergeAction?: ReactNode }) {
  const { repos } = useWorkbench();
  const run = useAction();
  const data = useLiveQuery(async () => {
    const [units, summaries, scan] = await Promise.all([repos.listUnits(), repos.listSummaries(), repos.lastCopyScan()]);
    return { rows: overviewRows(units, summaries), scan };
  }, [repos]);
  const [group, setGroup] = useState<string>(ALL);
  const [year, setYear] = useState<number | typeof ALL>();
  const [status, setStatus] = useState<OverviewStatus | typeof ALL>(ALL);
  const [scanPhase, setScanPhase] = useState<ScanPhase>();

  const all = useMemo(() => data?.rows ?? [], [data]);
  const choices = useMemo(() => overviewChoices(all), [all]);
  // The latest year is the one a supervisory group is working on; older years stay one click away.
  const yearValue = year ?? choices.years[0] ?? ALL;
  const base = useMemo(() => filterOverview(all, { group: group === ALL ? undefined : group, year: yearValue === ALL ? undefined : yearValue }), [all, group, yearValue]);
  const totals = useMemo(() => overviewTotals(base), [base]);
  const rows = useMemo(() => (status === ALL ? base : filterOverview(base, { status })), [base, status]);

  const scan = async () => {
    const result = await run(() => runCopyScan(repos, setScanPhase));
    setScanPhase(undefined);
    if (result) {
      Modal.info({
        title: '跨单位雷同检测完成',
        content: `比对了 ${result.opinions} 条意见，发现 ${result.warnings} 条与其他单位的意见相同或近似（涉及 ${result.units} 个单位）。各单位的“疑似抄袭”数见总览表，逐条对照见各会议的“审核”页。`,
      });
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title="督导总览"
        extra={
          <Space>
            {mergeAction}
            <ExportOverviewButton rows={rows} />
            <Button icon={<ScanOutlined />} loading={scanPhase !== undefined} onClick={scan} data-testid="copy-scan">
              {scanPhase ? `检测中：${scanPhase}…` : '检测跨单位雷同'}
            </Button>
          </Space>
        }
      >
        <Space wrap size={16} style={{ marginBottom: 12 }}>
          <Space>
            督导组
            <Select
              style={{ width: 160 }}
              value={group}
              onChange={setGroup}
              data-testid="filter-group"
              options={[{ value: ALL, label: '全部督导组' }, ...choices.groups.map((g) => ({ value: g, label: g === '' ? '（未分组）' : g }))]}
            />
          </Space>
          <Space>
            年度
            <Select
              style={{ width: 120 }}
              data-testid="filter-year"
              value={yearValue}
              onChange={setYear}
              options={[{ value: ALL, label: '全部年度' }, ...choices.years.map((y) => ({ value: y, label: `${y}年度` }))]}
            />
          </Space>
          <Space>
            状态
            <Select
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              data-testid="filter-status"
              options={[{ value: ALL, label: '全部状态' }, ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
            />
          </Space>
          <Typography.Text type="secondary">
            {data?.scan
              ? `跨单位雷同检测：${formatDateTime(data.scan.scannedAt)}，比对 ${data.scan.scannedOpinions} 条意见`
              : '尚未做跨单位雷同检测'}
          </Typography.Text>
        </Space>
        {all.length === 0 && data !== undefined ? (
          <Empty description="还没有会议。新建单位和会议，或打开各单位报送的数据包。" />
        ) : (
          <Row gutter={24} align="middle">
            <Col flex="none">
              <StatusChart totals={totals} />
              <RectificationChart totals={totals} />
            </Col>
            <Col flex="auto">
              <Row gutter={[16, 12]}>
                <Col span={8}>
                  <Statistic title="单位" value={totals.units} suffix="个" />
                </Col>
                <Col span={8}>
                  <Statistic title="可以召开" value={totals.byStatus.ready} suffix="个" valueStyle={{ color: '#1677ff' }} />
                </Col>
                <Col span={8}>
                  <Statistic title="未就绪 / 零意见" value={`${totals.byStatus['not-ready']} / ${totals.byStatus.zero}`} suffix="个" valueStyle={{ color: '#cf1322' }} />
                </Col>
                <Col span={8}>
                  <Statistic title="已审核通过 / 退回整改" value={`${totals.byStatus.passed} / ${totals.byStatus.returned}`} suffix="个" />
                </Col>
                <Col span={8}>
                  <Statistic title="意见（计入/收集）" value={`${totals.counted} / ${totals.raw}`} suffix="条" />
                </Col>
                <Col span={8}>
                  <Statistic title="疑似抄袭" value={totals.warnings['cross-unit']} suffix="条" valueStyle={totals.warnings['cross-unit'] > 0 ? { color: '#cf1322' } : undefined} />
                </Col>
                <Col span={8}>
                  <Statistic title="整改（已销号/挂号）" value={`${totals.rectification.closed} / ${totals.rectification.items}`} suffix="项" />
                </Col>
                <Col span={8}>
                  <Statistic title="整改逾期" value={totals.rectification.overdue} suffix="项" valueStyle={totals.rectification.overdue > 0 ? { color: '#cf1322' } : undefined} data-testid="overview-overdue" />
                </Col>
              </Row>
            </Col>
          </Row>
        )}
      </Card>
      <Card size="small">
        <OverviewTable rows={rows} totals={overviewTotals(rows)} loading={data === undefined} />
      </Card>
    </Space>
  );
}
