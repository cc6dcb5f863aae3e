import { Button, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingPreparation } from '#shared/model/preparation';
import { materialRulesOf } from '#shared/materials/rules';
import { useWorkbench } from '../../app/workbench-context';
import { DateInput } from '../../lib/DateInput';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';

type Session = MeetingPreparation['studySessions'][number];

/** 方案报送 date and the 学习研讨 sessions, saved together as the meeting's one preparation record. */
export function PreparationForm({ preparation }: { preparation?: MeetingPreparation }) {
  const { meeting } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [plan, setPlan] = useState(preparation?.planSubmittedOn ?? '');
  const [sessions, setSessions] = useState<Session[]>(preparation?.studySessions ?? []);
  const [date, setDate] = useState('');
  const [topic, setTopic] = useState('');
  useEffect(() => {
    setPlan(preparation?.planSubmittedOn ?? '');
    setSessions(preparation?.studySessions ?? []);
  }, [preparation]);
  const save = (next: { planSubmittedOn: string; studySessions: Session[] }, done: string) => run(() => repos.savePreparation(meeting.id, next, actor), done);
  const lead = materialRulesOf(meeting.ruleSet).planLeadDays;

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="preparation-form">
      <Space wrap>
        <Typography.Text>方案报送日期</Typography.Text>
        <DateInput ariaLabel="方案报送日期" value={plan} onChange={setPlan} style={{ width: 150 }} />
        <Button onClick={() => void save({ planSubmittedOn: plan, studySessions: sessions }, '方案报送日期已保存')}>保存</Button>
        <Typography.Text type="secondary">{`应在会议召开前${lead}天报送`}</Typography.Text>
      </Space>
      <Table<Session & { key: number }>
        size="small"
        pagination={false}
        dataSource={sessions.map((s, key) => ({ ...s, key }))}
        locale={{ emptyText: '尚未录入学习研讨' }}
        columns={[
          { title: '学习研讨日期', dataIndex: 'date', width: 120 },
          { title: '主题', dataIndex: 'topic' },
          {
            title: '',
            key: 'ops',
            width: 60,
            render: (_v, s) => (
              <Button size="small" type="link" danger onClick={() => void save({ planSubmittedOn: plan, studySessions: sessions.filter((_x, i) => i !== s.key) }, '已删除学习研讨')}>
                删除
              </Button>
            ),
          },
        ]}
      />
      <Space wrap>
        <DateInput ariaLabel="学习研讨日期" value={date} onChange={setDate} style={{ width: 150 }} />
        <Input aria-label="学习研讨主题" placeholder="学习研讨主题" value={topic} onChange={(e) => setTopic(e.target.value)} style={{ width: 320 }} />
        <Button
          disabled={date === '' || topic.trim() === ''}
          onClick={() =>
            void save({ planSubmittedOn: plan, studySessions: [...sessions, { date, topic: topic.trim() }] }, '已添加学习研讨').then((r) => {
              if (r) {
                setDate('');
                setTopic('');
              }
            })
          }
        >
          添加学习研讨
        </Button>
      </Space>
    </Space>
  );
}
