import { Checkbox, Space, Table, Tag, Typography } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import { STATUS_ORDER, type OverviewRow, type OverviewTotals } from '#shared/supervision/overview';
import { VERDICT_LABELS } from '#shared/supervision/audit';
import { WARNING_KIND_LABELS, WARNING_KINDS } from '#shared/supervision/warnings';
import { coverageCell, preparationCell, preparationNotDone } from '#shared/supervision/overview-cells';
import { formatDateTime } from '#shared/util/dates';
import { StatusTag } from '../../ui/StatusTag';
import { COLUMN_GROUPS, useColumnGroups, type ColumnGroup } from './column-groups';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** A 整改 figure, or a dash for a meeting with nothing registered. */
const figure = (r: OverviewRow, value: number | string, testId: string) =>
  r.rectification.items === 0 ? <Typography.Text type="secondary">—</Typography.Text> : <span data-testid={testId}>{value}</span>;
const notDone = preparationNotDone;

type Column = ColumnType<OverviewRow> & { group?: ColumnGroup; children?: Column[] };

/** A column's width, or its children's together (the 整改 group). */
const widthOf = (c: Column): number => (c.children ? c.children.reduce((sum, x) => sum + widthOf(x), 0) : Number(c.width ?? 0));

/**
 * Every meeting of the overview, sortable by each column (only the rows in view are rendered), with
 * the totals under it. The column groups beyond the unit and its status are shown or hidden by the
 * person (显示列), who keeps the table narrow enough not to scroll sideways.
 */
export function OverviewTable({ rows, totals, loading }: { rows: OverviewRow[]; totals: OverviewTotals; loading: boolean }) {
  const [groups, setGroups] = useColumnGroups();
  const all: Column[] = [
    { title: '序号', key: 'index', width: 48, align: 'center', render: (_v, _r, i) => i + 1 },
    {
      title: '单位（班子）',
      dataIndex: 'unitName',
      // 某某县自然资源和规划局 on one line.
      width: 172,
      sorter: (a, b) => a.unitOrder - b.unitOrder || text(a.unitName, b.unitName),
      render: (name: string, r) => (
        <Typography.Link href={`#/meetings/${r.meetingId}/readiness`} strong data-testid="unit-link">
          {name}
        </Typography.Link>
      ),
    },
    { title: '督导组', dataIndex: 'supervisoryGroup', width: 88, sorter: (a, b) => text(a.supervisoryGroup, b.supervisoryGroup) },
    { title: '年度', dataIndex: 'year', width: 72, align: 'center', sorter: (a, b) => a.year - b.year },
    {
      title: '状态',
      key: 'status',
      width: 140,
      sorter: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.shortfallCount - a.shortfallCount,
      render: (_v, r) => <StatusTag row={r} />,
    },
    {
      title: '零意见对象',
      dataIndex: 'zeroTargets',
      group: 'opinions',
      width: 120,
      sorter: (a, b) => a.zeroTargets.length - b.zeroTargets.length,
      render: (targets: string[]) =>
        targets.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text type="danger" ellipsis={{ tooltip: targets.join('、') }} style={{ maxWidth: 104 }}>
            {targets.join('、')}
          </Typography.Text>
        ),
    },
    {
      title: '计入/收集',
      key: 'opinions',
      group: 'opinions',
      width: 100,
      align: 'center',
      sorter: (a, b) => a.counted - b.counted,
      render: (_v, r) => `${r.counted} / ${r.raw}`,
    },
    {
      title: '意见回应',
      key: 'coverage',
      group: 'coverage',
      width: 108,
      align: 'center',
      sorter: (a, b) => (a.coverage?.percent ?? 101) - (b.coverage?.percent ?? 101),
      render: (_v, r) =>
        !r.coverage || r.coverage.total === 0 ? (
          <Typography.Text type="secondary" title="尚未梳理意见">—</Typography.Text>
        ) : (
          <Typography.Text type={r.coverage.answered < r.coverage.total ? 'danger' : 'success'} data-testid="coverage-cell" title={`梳理后意见${r.coverage.total}条，已回应${r.coverage.answered}条`}>
            {coverageCell(r)}
          </Typography.Text>
        ),
    },
    {
      title: '警示',
      key: 'warnings',
      group: 'opinions',
      // Two tags a line (雷同 30 · 跨对象 4); widths kept so the default columns fit 1366 px (a county office PC).
      width: 112,
      sorter: (a, b) => a.warnings['cross-unit'] - b.warnings['cross-unit'] || a.warningCount - b.warningCount,
      render: (_v, r) =>
        r.warningCount === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={2} wrap>
            {WARNING_KINDS.filter((k) => r.warnings[k] > 0).map((k) => (
              <Tag key={k} color={k === 'cross-unit' ? 'red' : k === 'cross-target' ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
                {WARNING_KIND_LABELS[k]} {r.warnings[k]}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '整改',
      key: 'rectification',
      group: 'rectification',
      children: [
        { title: '挂号', key: 'rect-items', width: 64, align: 'center', sorter: (a, b) => a.rectification.items - b.rectification.items, render: (_v, r) => figure(r, r.rectification.items, 'rect-items') },
        { title: '已销号', key: 'rect-closed', width: 80, align: 'center', sorter: (a, b) => a.rectification.closed - b.rectification.closed, render: (_v, r) => figure(r, r.rectification.closed, 'rect-closed') },
        // 已结转: carried into the next year's meeting (回头看), open and counted there.
        { title: '已结转', key: 'rect-carried', width: 80, align: 'center', sorter: (a, b) => a.rectification.carried - b.rectification.carried, render: (_v, r) => figure(r, r.rectification.carried, 'rect-carried') },
        {
          title: '逾期',
          key: 'rect-overdue',
          width: 64,
          align: 'center',
          sorter: (a, b) => a.rectification.overdue - b.rectification.overdue,
          render: (_v, r) =>
            r.rectification.overdue > 0 ? (
              <Typography.Text type="danger" strong data-testid="rect-overdue">
                {r.rectification.overdue}
              </Typography.Text>
            ) : (
              figure(r, 0, 'rect-overdue')
            ),
        },
        { title: '销号率', key: 'rect-rate', width: 80, align: 'center', sorter: (a, b) => a.rectification.closedPercent - b.rectification.closedPercent, render: (_v, r) => figure(r, `${r.rectification.closedPercent}%`, 'rect-rate') },
      ],
    },
    {
      title: '会前准备',
      key: 'preparation',
      group: 'preparation',
      width: 150,
      sorter: (a, b) => notDone(a) - notDone(b),
      render: (_v, r) => {
        const cell = preparationCell(r);
        return cell ? (
          <Typography.Text type={notDone(r) > 0 ? 'danger' : 'success'} data-testid="overview-preparation">
            {cell.state}
            <br />
            <Typography.Text type="secondary">{cell.detail}</Typography.Text>
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: '审核',
      key: 'audit',
      group: 'audit',
      width: 124,
      sorter: (a, b) => text(a.lastAudit?.at ?? '', b.lastAudit?.at ?? ''),
      render: (_v, r) => (
        <Typography.Link href={`#/meetings/${r.meetingId}/audit`} data-testid="audit-link">
          {r.lastAudit ? (
            <>
              {VERDICT_LABELS[r.lastAudit.verdict]} · {r.lastAudit.auditor}
              <br />
              <Typography.Text type="secondary">{formatDateTime(r.lastAudit.at)}</Typography.Text>
            </>
          ) : (
            '未审核 · 去审核'
          )}
        </Typography.Link>
      ),
    },
  ];
  const columns = all.filter((c) => !c.group || groups.includes(c.group));
  return (
    <>
    <Space style={{ margin: '0 0 8px 4px' }}>
      <Typography.Text type="secondary">显示列：</Typography.Text>
      <Checkbox.Group
        data-testid="overview-columns"
        value={groups}
        onChange={(v) => setGroups(v)}
        options={COLUMN_GROUPS.map((g) => ({ value: g.key, label: g.label }))}
      />
    </Space>
    <Table<OverviewRow>
      rowKey="meetingId"
      size="middle"
      loading={loading}
      dataSource={rows}
      columns={columns as ColumnsType<OverviewRow>}
      // Virtual rows: only the rows in view are rendered, so 300 units open as fast as 10.
      virtual
      pagination={false}
      // The sum of the columns shown: the table scrolls sideways only when the person shows more than fits.
      scroll={{ x: columns.reduce((sum, c) => sum + widthOf(c), 0), y: 620 }}
      data-testid="overview-table"
    />
    {rows.length > 0 && (
      <Typography.Paragraph strong style={{ margin: '8px 8px 0' }} data-testid="overview-totals">
        合计：{totals.units} 个单位，{totals.meetings} 次会议；待补 {totals.shortfalls} 项，零意见 {totals.byStatus.zero} 个；意见计入 {totals.counted} 条、收集 {totals.raw} 条；
        疑似抄袭 {totals.warnings['cross-unit']} 条；整改挂号 {totals.rectification.items} 项、已销号 {totals.rectification.closed} 项、逾期 {totals.rectification.overdue} 项；已审核 {totals.byStatus.passed + totals.byStatus.returned} 次会议
        {totals.stalePasses > 0 && `（其中 ${totals.stalePasses} 次通过后数据已变更）`}。
      </Typography.Paragraph>
    )}
    </>
  );
}
