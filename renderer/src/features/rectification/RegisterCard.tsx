import { Button, Card, Checkbox, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { deadlineLabel } from '#shared/documents/problem-docs';
import type { ProblemItem } from '#shared/model/problems';
import { missingFiveClear } from '#shared/problems/checks';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';

interface Props {
  meetingId: string;
  /** Live problem items not yet registered, in list order. */
  problems: ProblemItem[];
  labels: Map<string, string>;
  repeats: Map<string, string>;
}

/** 挂号: the problem items not yet in the ledger; the chosen ones get their account numbers. Items missing a 五个明确 field are marked (the repository refuses them). */
export function RegisterCard({ meetingId, problems, labels, repeats }: Props) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const ids = chosen.filter((id) => problems.some((p) => p.id === id));
  const register = async (list: string[]) => {
    const done = await run(() => repos.registerProblems(meetingId, list, actor), (e) => `已挂号 ${e.length} 项`);
    if (done) setChosen([]);
  };
  if (problems.length === 0) return null;
  return (
    <Card
      size="small"
      title={`待挂号的查摆问题（${problems.length} 项）`}
      data-testid="register-card"
      extra={
        <Space>
          <Button disabled={ids.length === 0} onClick={() => void register(ids)}>
            挂号所选（{ids.length}）
          </Button>
          <Button type="primary" onClick={() => void register(problems.filter((p) => missingFiveClear(p).length === 0).map((p) => p.id))} disabled={!problems.some((p) => missingFiveClear(p).length === 0)}>
            全部挂号（五个明确齐全的）
          </Button>
        </Space>
      }
    >
      <Checkbox.Group value={ids} onChange={(v) => setChosen(v as string[])} style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {problems.map((p) => {
            const missing = missingFiveClear(p);
            return (
              <Checkbox key={p.id} value={p.id} data-testid="register-item">
                <Typography.Text type="secondary">{labels.get(p.targetId) ?? '原班子成员'}：</Typography.Text>
                {p.description}
                <Typography.Text type="secondary">（{deadlineLabel(p) || '未定时限'}）</Typography.Text>
                {missing.length > 0 && <Tag color="warning" style={{ marginInlineStart: 6 }}>缺少{missing.join('、')}</Tag>}
                {repeats.has(p.id) && (
                  <Tooltip title={repeats.get(p.id)}>
                    <Tag color="volcano" style={{ marginInlineStart: 6 }}>问题反复出现</Tag>
                  </Tooltip>
                )}
              </Checkbox>
            );
          })}
        </Space>
      </Checkbox.Group>
    </Card>
  );
}
