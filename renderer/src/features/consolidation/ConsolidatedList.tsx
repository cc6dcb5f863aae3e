import { Button, Card, Checkbox, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ProblemDocs } from '#shared/documents/problem-docs';
import type { ConsolidatedOpinion } from '#shared/model/problems';
import type { Opinion } from '#shared/model/types';
import { answerText } from '#shared/problems/coverage';

/** A target's consolidated opinions: wording, sources (each can be taken out), how each is answered. */
export function ConsolidatedList({
  items,
  raws,
  pd,
  busy,
  onEdit,
  onAnswer,
  onDissolve,
  onUnlink,
  onMerge,
}: {
  items: ConsolidatedOpinion[];
  raws: ReadonlyMap<string, Opinion>;
  pd: ProblemDocs;
  busy: boolean;
  onEdit: (c: ConsolidatedOpinion) => void;
  onAnswer: (c: ConsolidatedOpinion) => void;
  onDissolve: (c: ConsolidatedOpinion) => void;
  onUnlink: (c: ConsolidatedOpinion, opinionId: string) => void;
  onMerge: (ids: string[]) => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const live = picked.filter((id) => items.some((c) => c.id === id));
  const numbers = useMemo(() => new Map([...pd.numbers].map(([id, n]) => [id, `第${n}项`])), [pd.numbers]);
  return (
    <Card
      size="small"
      title={`梳理后意见（${items.length}条）`}
      extra={
        <Button size="small" disabled={busy || live.length < 2} onClick={() => (onMerge(live), setPicked([]))}>
          合并所选（{live.length}）
        </Button>
      }
      data-testid="consolidated-list"
    >
      {items.length === 0 ? (
        <Empty description="尚未梳理。在左侧勾选说法相同的原始意见，或接受系统建议。" />
      ) : (
        <List
          dataSource={items}
          renderItem={(c, i) => {
            const a = pd.coverage.answers.get(c.id) ?? { kind: 'none' as const };
            return (
              <List.Item data-testid="consolidated-item">
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space align="start">
                    <Checkbox checked={live.includes(c.id)} aria-label={`选择第${i + 1}条`} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)))} />
                    <Typography.Text strong>{i + 1}.</Typography.Text>
                    <Typography.Text>{c.text}</Typography.Text>
                  </Space>
                  <Space size={4} wrap style={{ paddingLeft: 24 }}>
                    {c.dimension && <Tag>{c.dimension}</Tag>}
                    <Tag color={a.kind === 'none' ? 'red' : a.kind === 'problems' ? 'green' : 'blue'} data-testid="answer-tag">
                      {answerText(a, numbers)}
                    </Tag>
                    <Typography.Text type="secondary">合并原始意见 {c.sourceIds.length} 条</Typography.Text>
                  </Space>
                  <div style={{ paddingLeft: 24 }}>
                    {c.sourceIds.map((id) => (
                      <div key={id} className="source-line">
                        <Typography.Text type="secondary">
                          · {raws.get(id)?.content ?? '（原始意见已删除）'}
                          {raws.get(id) && ` 〔${raws.get(id)!.category}·${raws.get(id)!.channel}〕`}
                        </Typography.Text>
                        <Button type="link" size="small" disabled={busy} onClick={() => onUnlink(c, id)}>
                          移出
                        </Button>
                      </div>
                    ))}
                  </div>
                  <Space style={{ paddingLeft: 24 }}>
                    <Button size="small" disabled={busy} onClick={() => onEdit(c)}>
                      修改
                    </Button>
                    <Button size="small" disabled={busy} onClick={() => onAnswer(c)}>
                      {c.answer ? '修改回应理由' : '记录回应理由'}
                    </Button>
                    <Popconfirm title="取消这条梳理？原始意见不受影响，可重新梳理；关联的查摆问题将不再关联它。" okText="取消梳理" cancelText="保留" onConfirm={() => onDissolve(c)}>
                      <Button size="small" type="text" danger disabled={busy}>
                        取消梳理
                      </Button>
                    </Popconfirm>
                  </Space>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
