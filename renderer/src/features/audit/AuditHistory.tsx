import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { Audit } from '#shared/model/types';
import { isAuditStale, VERDICT_LABELS } from '#shared/supervision/audit';
import { formatDateTime } from '#shared/util/dates';

/** Every verdict, newest first; the latest is marked when the data changed after it. */
export function AuditHistory({ audits, fingerprint }: { audits: Audit[]; fingerprint: string }) {
  if (audits.length === 0) return <Empty description="尚无审核记录" />;
  return (
    <Timeline
      data-testid="audit-history"
      items={audits.map((a, i) => ({
        color: a.verdict === 'pass' ? 'green' : 'red',
        children: (
          <Space direction="vertical" size={2} data-testid="audit-entry">
            <Space wrap>
              <Tag color={a.verdict === 'pass' ? 'success' : 'error'}>{VERDICT_LABELS[a.verdict]}</Tag>
              <Typography.Text>{a.auditor}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(a.at)}</Typography.Text>
              {i === 0 && isAuditStale(a, fingerprint) && (
                <Tag color="gold" data-testid="audit-stale">
                  审核后数据已变更
                </Tag>
              )}
            </Space>
            <Typography.Text type="secondary">
              审核时：收集 {a.snapshot.totalOpinions} 条，{a.snapshot.ready ? '可以召开' : `待补 ${a.snapshot.shortfalls.length} 项`}
            </Typography.Text>
            {a.overrideReason && <Typography.Text type="warning">破例通过理由：{a.overrideReason}</Typography.Text>}
            {a.reasons && <Typography.Text>理由：{a.reasons}</Typography.Text>}
            {a.ticked.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {a.ticked.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
          </Space>
        ),
      }))}
    />
  );
}
