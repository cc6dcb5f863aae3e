import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MatrixCell, TalkMatrix } from '#shared/talks/coverage';

type Row = TalkMatrix['members'][number] & { index: number };

function cellView(c: MatrixCell | undefined) {
  if (!c || c.kind === 'self') return <Typography.Text type="secondary">—</Typography.Text>;
  if (c.kind === 'not-required') return null;
  if (c.done) return <Tag color="success">{c.date ? `${Number(c.date.slice(5, 7))}.${Number(c.date.slice(8, 10))}` : '已谈'}</Tag>;
  if (c.waived) return <Tag>免</Tag>;
  return <Tag color="error">未谈</Tag>;
}

/** 谈心谈话 coverage as a member × member matrix (first date, 未谈, 免) with each member's department heads. */
export function TalkMatrixTable({ matrix }: { matrix: TalkMatrix }) {
  const name = (label: string) => label.replace(/（.*$/, '');
  const columns: ColumnsType<Row> = [
    { title: '', key: 'who', width: 150, fixed: 'left', render: (_v, r) => <Typography.Text strong={r.secretary}>{r.label}</Typography.Text> },
    ...matrix.members.map((m, j) => ({ title: name(m.label), key: m.id, width: 72, align: 'center' as const, render: (_v: unknown, r: Row) => cellView(matrix.cells[r.index]?.[j]) })),
    {
      title: '分管部门负责人',
      key: 'heads',
      render: (_v, r) =>
        matrix.departments[r.index]!.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          matrix.departments[r.index]!.map((d) => (
            <Tag key={d.department} color={d.done ? 'success' : d.waived ? undefined : 'error'}>
              {d.department}
              {d.done ? `（${d.names.join('、')}）` : d.waived ? '（免）' : '（未谈）'}
            </Tag>
          ))
        ),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={matrix.members.map((m, index) => ({ ...m, index }))}
      columns={columns}
      scroll={{ x: 'max-content' }}
      data-testid="talk-matrix"
    />
  );
}
