import { Button, Form, Input, Radio, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { parseCharge } from '#shared/talks/areas';
import { TALK_CHANNEL, type TalkParty } from '#shared/model/talks';
import { todayDate } from '#shared/util/ids';
import { useWorkbench } from '../../app/workbench-context';
import { DateInput } from '../../lib/DateInput';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';

type OtherKind = TalkParty['kind'];

interface Values {
  date: string;
  memberId?: string;
  otherKind: OtherKind;
  otherMemberId?: string;
  department?: string;
  branch?: string;
  name?: string;
  note?: string;
  opinionIds?: string[];
}

/** Records one 谈心谈话: the date, a member, the other side (a member, a head of a department in charge, or a branch representative), a note and the opinions raised. */
export function TalkForm() {
  const { meeting, members, opinions, targetLabels } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const memberId = Form.useWatch('memberId', form);
  const otherKind = Form.useWatch('otherKind', form) ?? 'member';
  const memberOptions = members.map((m) => ({ value: m.id, label: targetLabels.get(m.id) ?? m.name }));
  // The departments in the chosen member's 分管工作 first; every department of the roster is allowed.
  const departments = useMemo(() => {
    const chosen = members.find((m) => m.id === memberId);
    const own = chosen ? parseCharge(chosen.areas).departments : [];
    const all = members.flatMap((m) => parseCharge(m.areas).departments);
    return [...new Set([...own, ...all])];
  }, [members, memberId]);
  const talkOpinions = opinions.filter((o) => o.channel === TALK_CHANNEL);

  const submit = async (v: Values) => {
    if (!v.memberId) return;
    const b: TalkParty =
      v.otherKind === 'member'
        ? { kind: 'member', memberId: v.otherMemberId ?? '' }
        : v.otherKind === 'department-head'
          ? { kind: 'department-head', department: v.department ?? '', name: (v.name ?? '').trim() }
          : { kind: 'branch', branch: (v.branch ?? '').trim(), name: (v.name ?? '').trim() };
    setBusy(true);
    const saved = await run(
      () => repos.saveTalk(meeting.id, { date: v.date, a: { kind: 'member', memberId: v.memberId! }, b, note: (v.note ?? '').trim(), opinionIds: v.opinionIds ?? [] }, actor),
      '已记录谈心谈话',
    );
    setBusy(false);
    if (saved) form.setFieldsValue({ otherMemberId: undefined, name: undefined, note: undefined, opinionIds: [] });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ date: todayDate(), otherKind: 'member' }} onFinish={(v) => void submit(v)} data-testid="talk-form">
      <Space wrap align="start">
        <Form.Item label="谈话日期" name="date" rules={[{ required: true, message: '请填写谈话日期' }]}>
          <DateInput ariaLabel="谈话日期" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item label="班子成员" name="memberId" rules={[{ required: true, message: '请选择班子成员' }]}>
          <Select aria-label="谈话一方" style={{ width: 200 }} options={memberOptions} placeholder="选择成员" />
        </Form.Item>
        <Form.Item label="另一方" name="otherKind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: '班子成员' },
              { value: 'department-head', label: '分管部门负责人' },
              { value: 'branch', label: '党支部代表' },
            ]}
          />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        {otherKind === 'member' && (
          <Form.Item label="另一位班子成员" name="otherMemberId" rules={[{ required: true, message: '请选择另一位班子成员' }]}>
            <Select aria-label="谈话另一方" style={{ width: 200 }} options={memberOptions.filter((o) => o.value !== memberId)} placeholder="选择成员" />
          </Form.Item>
        )}
        {otherKind === 'department-head' && (
          <Form.Item label="部门" name="department" rules={[{ required: true, message: '请选择部门' }]}>
            <Select aria-label="部门" style={{ width: 200 }} options={departments.map((d) => ({ value: d, label: d }))} placeholder="分管工作中的部门" />
          </Form.Item>
        )}
        {otherKind === 'branch' && (
          <Form.Item label="党支部" name="branch" rules={[{ required: true, message: '请填写党支部' }]}>
            <Input aria-label="党支部" style={{ width: 200 }} />
          </Form.Item>
        )}
        {otherKind !== 'member' && (
          <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input aria-label="谈话对象姓名" style={{ width: 140 }} />
          </Form.Item>
        )}
        <Form.Item label="谈话要点（内部）" name="note">
          <Input aria-label="谈话要点" style={{ width: 320 }} maxLength={2000} />
        </Form.Item>
      </Space>
      <Form.Item label={`谈话中提出的意见（征求方式为“${TALK_CHANNEL}”的意见）`} name="opinionIds">
        <Select
          aria-label="关联意见"
          mode="multiple"
          optionFilterProp="label"
          placeholder={talkOpinions.length === 0 ? '本会议还没有通过谈心谈话征求到的意见' : '选择意见'}
          options={talkOpinions.map((o) => ({ value: o.id, label: `${targetLabels.get(o.targetId) ?? ''}：${o.content}` }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        记录谈心谈话
      </Button>
    </Form>
  );
}
