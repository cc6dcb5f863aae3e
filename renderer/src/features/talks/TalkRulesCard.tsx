import { Button, Card, Checkbox, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { talkRulesOf, type TalkRules } from '#shared/model/talks';
import type { TalkCoverage } from '#shared/talks/coverage';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';

const FLAGS: Array<{ key: keyof Omit<TalkRules, 'waived'>; label: string }> = [
  { key: 'secretaryWithMembers', label: '书记与每位班子成员' },
  { key: 'membersWithEachOther', label: '班子成员之间相互谈' },
  { key: 'membersWithDepartmentHeads', label: '班子成员与分管部门负责人' },
  { key: 'membersWithBranch', label: '班子成员与党支部代表' },
];

/** The meeting's talk requirements (rule set `talks`): which pairs are required, and the pairs waived with their reasons. */
export function TalkRulesCard({ coverage }: { coverage: TalkCoverage }) {
  const { meeting } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const rules = talkRulesOf(meeting.ruleSet);
  const save = (next: TalkRules, done: string) => run(() => repos.saveTalkRules(meeting.id, next, actor), done);
  const labels = new Map(coverage.pairs.map((p) => [p.key, p.label]));
  return (
    <Card size="small" title="谈话要求（本次会议的规则）">
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          {FLAGS.map((f) => (
            <Checkbox key={f.key} checked={rules[f.key]} onChange={(e) => void save({ ...rules, [f.key]: e.target.checked }, '谈话要求已保存')}>
              {f.label}
            </Checkbox>
          ))}
        </Space>
        {rules.waived.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>免谈</Typography.Text>}
            dataSource={rules.waived}
            renderItem={(w) => (
              <List.Item actions={[<Button key="undo" size="small" type="link" onClick={() => void save({ ...rules, waived: rules.waived.filter((x) => x.pair !== w.pair) }, '已取消免谈')}>取消免谈</Button>]}>
                {labels.get(w.pair) ?? '（已不再要求的谈话）'}：{w.reason}
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}

/** The button that waives one missing pair, asking for the reason. */
export function WaiveButton({ pair, label }: { pair: string; label: string }) {
  const { meeting } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submit = async () => {
    const rules = talkRulesOf(meeting.ruleSet);
    const ok = await run(() => repos.saveTalkRules(meeting.id, { ...rules, waived: [...rules.waived, { pair, reason }] }, actor), `已免谈：${label}`);
    if (ok !== undefined) {
      setOpen(false);
      setReason('');
    }
  };
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        免谈…
      </Button>
      <Modal title={`免谈：${label}`} open={open} okText="免谈" cancelText="取消" okButtonProps={{ disabled: reason.trim() === '' }} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Input.TextArea aria-label="免谈理由" placeholder="免谈理由（如：长期病休、岗位空缺）" value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} />
      </Modal>
    </>
  );
}
