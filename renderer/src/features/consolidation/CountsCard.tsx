import { Card, Col, Row, Table, Typography } from 'antd';
import { countSentence, type ConsolidationCounts } from '#shared/consolidation/counts';
import type { Coverage } from '#shared/problems/coverage';

/** 收集 X 条 → 梳理为 Y 条 for the meeting, per target (with how many are answered) and per channel. */
export function CountsCard({ counts, coverage }: { counts: ConsolidationCounts; coverage: Coverage }) {
  const answered = new Map(coverage.targets.map((t) => [t.targetId, t]));
  return (
    <Card size="small" title="梳理情况" extra={<Typography.Text strong data-testid="consolidation-total">{countSentence(counts.total)}</Typography.Text>}>
      <Row gutter={16}>
        <Col span={14}>
          <Table
            size="small"
            rowKey="targetId"
            pagination={false}
            data-testid="counts-by-target"
            dataSource={counts.targets}
            columns={[
              { title: '意见对象', dataIndex: 'label' },
              { title: '收集', dataIndex: 'collected', width: 70, align: 'center' },
              { title: '梳理为', dataIndex: 'consolidated', width: 70, align: 'center' },
              { title: '未梳理', dataIndex: 'pending', width: 70, align: 'center', render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : 0) },
              {
                title: '已回应',
                key: 'answered',
                width: 90,
                align: 'center',
                render: (_v, t) => {
                  const c = answered.get(t.targetId);
                  return c && c.total > 0 ? `${c.answered}/${c.total}` : '—';
                },
              },
            ]}
          />
        </Col>
        <Col span={10}>
          <Table
            size="small"
            rowKey="channel"
            pagination={false}
            data-testid="counts-by-channel"
            dataSource={counts.channels.filter((c) => c.collected > 0)}
            locale={{ emptyText: '尚无意见' }}
            columns={[
              { title: '征求方式', dataIndex: 'channel' },
              { title: '收集', dataIndex: 'collected', width: 70, align: 'center' },
              { title: '梳理为', dataIndex: 'consolidated', width: 70, align: 'center' },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            一条梳理后意见合并了不同征求方式的意见时，在每种方式下各计一次。
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}
