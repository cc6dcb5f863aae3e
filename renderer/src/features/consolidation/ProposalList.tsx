import { Button, Card, List, Space, Tag, Typography } from 'antd';
import type { proposeMerges } from '#shared/consolidation/proposals';
import type { ConsolidatedOpinion } from '#shared/model/problems';
import type { Opinion } from '#shared/model/types';

export type Proposal = ReturnType<typeof proposeMerges>[number];

/** The near-duplicate detector's merge proposals for one target: accept, change or refuse each. */
export function ProposalList({
  proposals,
  raws,
  consolidated,
  busy,
  onAccept,
  onChange,
  onRefuse,
}: {
  proposals: Proposal[];
  raws: ReadonlyMap<string, Opinion>;
  consolidated: ReadonlyMap<string, ConsolidatedOpinion>;
  busy: boolean;
  onAccept: (p: Proposal) => void;
  onChange: (p: Proposal) => void;
  onRefuse: (p: Proposal) => void;
}) {
  if (proposals.length === 0) return null;
  return (
    <Card size="small" title={`建议合并（${proposals.length}组，内容相同或相近）`} data-testid="proposals" styles={{ body: { padding: '0 12px' } }}>
      <List
        dataSource={proposals}
        renderItem={(p) => (
          <List.Item
            data-testid="proposal"
            actions={[
              <Button key="accept" type="primary" size="small" disabled={busy} onClick={() => onAccept(p)}>
                接受
              </Button>,
              <Button key="change" size="small" disabled={busy} onClick={() => onChange(p)}>
                修改后合并
              </Button>,
              <Button key="refuse" size="small" type="text" disabled={busy} onClick={() => onRefuse(p)}>
                不合并
              </Button>,
            ]}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {p.joinId ? `并入已梳理的“${consolidated.get(p.joinId)?.text ?? ''}”` : `合并为：“${p.text}”`}
                <Tag style={{ marginLeft: 8 }}>相似度 {Math.round(p.similarity * 100)}%</Tag>
              </Typography.Text>
              {p.opinionIds.map((id) => (
                <Typography.Text key={id}>· {raws.get(id)?.content}</Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
