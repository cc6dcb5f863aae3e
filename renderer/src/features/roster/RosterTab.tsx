import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Space, Table, Typography, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { MemberDraft } from '#shared/model/drafts';
import type { Member } from '#shared/model/types';
import { parseRosterLines } from '#shared/text/roster-lines';
import { useWorkbench } from '../../app/workbench-context';
import { RemoveMemberButton } from './RemoveMemberButton';
import { sameNameWarning } from './same-name';
import { validFields } from '../../lib/valid-fields';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';

/** The roster in rank order: add one or paste many, edit, reorder by dragging or by buttons. */
export function RosterTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { meeting, members, opinions } = data;
  const [form] = Form.useForm<MemberDraft>();
  const [editing, setEditing] = useState<Member>();
  const [pasting, setPasting] = useState(false);
  const [dragId, setDragId] = useState<string>();
  const [overId, setOverId] = useState<string>();
  const nameRef = useRef<InputRef>(null);
  const typedName = Form.useWatch('name', form);
  const sameName = sameNameWarning(typedName ?? '', members);

  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of opinions) m.set(o.targetId, (m.get(o.targetId) ?? 0) + 1);
    return m;
  }, [opinions]);

  const add = async () => {
    const values = await form.validateFields();
    const added = await run(() => repos.addMember(meeting.id, values, actor), (m) => `已添加${m.name}`);
    if (added) {
      form.resetFields();
      // After the button took the click, the next name is typed at once.
      setTimeout(() => nameRef.current?.focus(), 0);
    }
  };

  const drop = (targetId: string) => {
    if (!dragId || dragId === targetId) return;
    const ids = members.map((m) => m.id).filter((id) => id !== dragId);
    ids.splice(ids.indexOf(targetId), 0, dragId);
    void run(() => repos.reorderMembers(meeting.id, ids, actor));
  };

  return (
    <Card size="small">
      <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
          validateStatus={sameName ? 'warning' : undefined}
          help={sameName && <span data-testid="same-name-warning">{sameName}</span>}
        >
          <Input ref={nameRef} placeholder="姓名" style={{ width: 120 }} maxLength={50} aria-label="姓名" />
        </Form.Item>
        <Form.Item name="position">
          <Input placeholder="职务，如：副县长" style={{ width: 180 }} maxLength={100} aria-label="职务" />
        </Form.Item>
        <Form.Item name="areas">
          <Input placeholder="分管工作" style={{ width: 300 }} maxLength={500} aria-label="分管工作" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          添加成员
        </Button>
        <Button style={{ marginLeft: 8 }} onClick={() => setPasting(true)}>
          批量粘贴名单
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: '还没有班子成员。按排序依次添加：主要负责同志在前。' }}
        onRow={(m) => ({
          draggable: true,
          className: `drag-row${overId === m.id ? ' drag-over' : ''}`,
          onDragStart: () => setDragId(m.id),
          onDragOver: (e) => {
            e.preventDefault();
            setOverId(m.id);
          },
          onDragLeave: () => setOverId(undefined),
          onDrop: () => {
            drop(m.id);
            setDragId(undefined);
            setOverId(undefined);
          },
          onDragEnd: () => {
            setDragId(undefined);
            setOverId(undefined);
          },
        })}
        columns={[
          { title: '', width: 32, render: () => <HolderOutlined style={{ color: '#999' }} aria-label="拖动排序" /> },
          { title: '排序', width: 60, render: (_v, _m, i) => i + 1 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '职务', dataIndex: 'position', width: 180 },
          { title: '分管工作', dataIndex: 'areas', render: (a: string) => <span className="opinion-content">{a}</span> },
          { title: '意见', width: 70, align: 'center', render: (_v, m) => counts.get(m.id) ?? 0 },
          {
            title: '操作',
            width: 220,
            render: (_v, m, i) => (
              <Space size={4}>
                <Button size="small" icon={<ArrowUpOutlined />} aria-label={`上移${m.name}`} disabled={i === 0} onClick={() => run(() => repos.moveMember(meeting.id, m.id, -1, actor))} />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={`下移${m.name}`}
                  disabled={i === members.length - 1}
                  onClick={() => run(() => repos.moveMember(meeting.id, m.id, 1, actor))}
                />
                <Button size="small" onClick={() => setEditing(m)}>
                  修改
                </Button>
                <RemoveMemberButton member={m} opinions={counts.get(m.id) ?? 0} targets={data.targets} />
              </Space>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        名单始终按排序显示和导出，不按姓氏排序。可拖动行或用箭头调整顺序。
      </Typography.Paragraph>
      <MemberEditModal
        member={editing}
        onClose={() => setEditing(undefined)}
        onSave={(draft) => run(() => repos.updateMember(editing!.id, draft, actor).then(() => true), '已保存').then((ok) => ok === true)}
      />
      <RosterPasteModal
        open={pasting}
        onClose={() => setPasting(false)}
        onSave={(drafts) => run(() => repos.addMembers(meeting.id, drafts, actor), (added) => `已添加 ${added.length} 名成员`).then((r) => r !== undefined)}
      />
    </Card>
  );
}

function MemberEditModal({ member, onClose, onSave }: { member: Member | undefined; onClose: () => void; onSave: (d: MemberDraft) => Promise<boolean> }) {
  const [form] = Form.useForm<MemberDraft>();
  return (
    <Modal
      open={member !== undefined}
      title="修改班子成员"
      okText="保存"
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && member && form.setFieldsValue(member)}
      onOk={async () => {
        const values = await validFields(form);
        if (values && (await onSave(values))) onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="position" label="职务">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="areas" label="分管工作">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RosterPasteModal({ open, onClose, onSave }: { open: boolean; onClose: () => void; onSave: (d: MemberDraft[]) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const drafts = parseRosterLines(text);
  return (
    <Modal
      open={open}
      title="批量粘贴班子成员名单"
      okText={`添加 ${drafts.length} 名成员`}
      okButtonProps={{ disabled: drafts.length === 0 }}
      width={720}
      onCancel={onClose}
      afterOpenChange={(o) => o && setText('')}
      onOk={async () => {
        if (await onSave(drafts)) onClose();
      }}
    >
      <Typography.Paragraph type="secondary">
        每行一人，按排序：姓名、职务、分管工作，用 Tab（从 Excel 或 Word 表格复制即可）、逗号或空格分隔。
      </Typography.Paragraph>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 5, maxRows: 10 }} placeholder={'张三\t县委书记\t全面工作\n李四\t县长\t政府全面工作'} />
      {drafts.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          rowKey={(_d, i) => String(i)}
          dataSource={drafts}
          columns={[
            { title: '排序', width: 60, render: (_v, _d, i) => i + 1 },
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '职务', dataIndex: 'position', width: 180 },
            { title: '分管工作', dataIndex: 'areas' },
          ]}
        />
      )}
    </Modal>
  );
}
