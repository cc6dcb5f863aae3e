import { Progress, Space, Table, Typography } from 'antd';
import type { Coverage } from '#shared/problems/coverage';
import { coverageText } from '#shared/problems/coverage';

/**
 * Coverage per target (answered / all consolidated opinions) and the unanswered opinions, in the
 * words supervisors cite (computeCoverage's sentences). `cite` renders each sentence, e.g. as a
 * checkbox of the audit form.
 */
export function CoverageList({ coverage, cite }: { coverage: Coverage; cite?: (message: string) => React.ReactNode }) {
  if (coverage.total === 0) return <Typography.Text type="secondary">尚未梳理意见，暂无回应情况。</Typography.Text>;
  const open = coverage.messages.filter((m) => m.includes('未列入问题清单'));
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="coverage">
      <Space>
        <Progress type="circle" size={44} percent={coverage.percent} status={coverage.full ? 'success' : 'normal'} />
        <Typography.Text strong data-testid="coverage-total">
          {coverage.full ? `梳理后意见${coverage.total}条已全部回应` : coverageText(coverage)}
        </Typography.Text>
      </Space>
      <Table
        size="small"
        rowKey="targetId"
        pagination={false}
        dataSource={coverage.targets.filter((t) => t.total > 0)}
        columns={[
          { title: '意见对象', dataIndex: 'label' },
          { title: '已回应/梳理后', key: 'n', width: 120, align: 'center', render: (_v, t) => `${t.answered}/${t.total}` },
          { title: '回应率', dataIndex: 'percent', width: 90, align: 'center', render: (p: number) => <Typography.Text type={p < 100 ? 'danger' : 'success'}>{p}%</Typography.Text> },
        ]}
      />
      {open.length > 0 && (
        <Space direction="vertical" size={2} data-testid="unanswered">
          <Typography.Text type="danger">未回应的意见（{open.length}条）：</Typography.Text>
          {open.map((m) => (
            <span key={m}>{cite ? cite(m) : `· ${m}`}</span>
          ))}
        </Space>
      )}
    </Space>
  );
}
