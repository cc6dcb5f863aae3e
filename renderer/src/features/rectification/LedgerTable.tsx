import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { deadlineLabel } from '#shared/documents/problem-docs';
import { deadlineText } from '#shared/ledger/deadlines';
import { TRANSITIONS } from '#shared/ledger/status';
import type { LedgerRow } from '#shared/ledger/view';
import { LEDGER_STATUS_LABELS, type LedgerStatus } from '#shared/model/ledger';
import { STATUS_TAG_COLORS, moveLabel } from './labels';

interface Props {
  rows: LedgerRow[];
  /** Problem id → `问题反复出现：…` */
  repeats: Map<string, string>;
  /** Entry id → why an item 已结转 takes no moves here (carriedRefusal): its moves show disabled with this tooltip. */
  locks: ReadonlyMap<string, string>;
  onMove: (row: LedgerRow, to: LedgerStatus) => void;
  onOpen: (row: LedgerRow) => void;
}

/** The ledger: one row per registered item, its deadline state, its latest progress and the moves it allows. */
export function LedgerTable({ rows, repeats, locks, onMove, onOpen }: Props) {
  const columns: ColumnsType<LedgerRow> = [
    { title: '账号', key: 'account', width: 150, render: (_v, r) => <Typography.Text data-testid="account-number">{r.entry.accountNumber}</Typography.Text> },
    { title: '责任对象', dataIndex: 'targetLabel', width: 110 },
    {
      title: '问题',
      key: 'problem',
      render: (_v, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Text>{r.problem.description}</Typography.Text>
          <Space size={4} wrap>
            {r.entry.carriedFrom && <Tag color="blue">上年度结转 {r.entry.carriedFrom.accountNumber}</Tag>}
            {repeats.has(r.problem.id) && (
              <Tooltip title={repeats.get(r.problem.id)}>
                <Tag color="volcano" data-testid="repeat-tag">问题反复出现</Tag>
              </Tooltip>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: '完成时限',
      key: 'deadline',
      width: 150,
      render: (_v, r) => (
        <Space direction="vertical" size={2}>
          <span>{deadlineLabel(r.problem) || '未定时限'}</span>
          {r.deadline.kind !== 'none' && (
            <Tag color={r.deadline.kind === 'overdue' ? 'error' : 'warning'} data-testid={r.deadline.kind === 'overdue' ? 'overdue-tag' : 'due-soon-tag'}>
              {deadlineText(r.deadline)}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 96,
      render: (_v, r) =>
        r.state === 'carried' ? (
          // Tracked and counted in the later meeting from now on (回头看): no moves here.
          <Tooltip title={`已结转下一年度，账号 ${r.carriedTo}；原状态：${LEDGER_STATUS_LABELS[r.entry.status]}`}>
            <Tag color="default" data-testid="ledger-status">
              已结转
            </Tag>
          </Tooltip>
        ) : (
          <Tag color={STATUS_TAG_COLORS[r.entry.status]} data-testid="ledger-status">
            {LEDGER_STATUS_LABELS[r.entry.status]}
          </Tag>
        ),
    },
    {
      title: '最新进展',
      key: 'progress',
      width: 180,
      render: (_v, r) => {
        const last = r.progress.at(-1);
        return last ? (
          <Typography.Text ellipsis={{ tooltip: last.text }} style={{ maxWidth: 165 }}>
            {last.date} {last.text}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_v, r) => (
        <Space size={4} wrap>
          {TRANSITIONS[r.entry.status].map((to) => {
            // 已结转: tracked in the later year's ledger from now on, so its moves stay visible but refused here.
            const lock = r.state === 'carried' ? locks.get(r.entry.id) ?? `已结转至 ${r.carriedTo ?? ''}` : undefined;
            const button = (
              <Button key={to} size="small" type={to === 'closed' ? 'primary' : 'default'} disabled={lock !== undefined} data-testid="ledger-move" onClick={() => onMove(r, to)}>
                {moveLabel(r.entry.status, to)}
              </Button>
            );
            return lock ? (
              <Tooltip key={to} title={lock}>
                {button}
              </Tooltip>
            ) : (
              button
            );
          })}
          <Button size="small" type="link" onClick={() => onOpen(r)}>
            进展（{r.progress.length}）
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<LedgerRow>
      rowKey={(r) => r.entry.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      rowClassName={(r) => (r.deadline.kind === 'overdue' ? 'ledger-overdue' : '')}
      data-testid="ledger-table"
      locale={{ emptyText: '没有符合条件的整改事项' }}
    />
  );
}
