import { Button, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Member } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';

/**
 * 移除 for one member. Without opinions: a plain confirmation. With opinions, the first dialog says
 * how many and offers to move them to another target and remove the member in one step.
 */
export function RemoveMemberButton({ member, opinions, targets }: { member: Member; opinions: number; targets: ReadonlyArray<{ id: string; label: string }> }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string>();
  const others = targets.filter((t) => t.id !== member.id);

  if (opinions === 0) {
    return (
      <Popconfirm title={`从名单中移除${member.name}？`} okText="移除" cancelText="取消" onConfirm={() => run(() => repos.deleteMember(member.id, actor), '已移除')}>
        <Button size="small" danger>
          移除
        </Button>
      </Popconfirm>
    );
  }
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        移除
      </Button>
      <Modal
        open={open}
        title={`移除${member.name}`}
        okText="改到所选对象并移除"
        okButtonProps={{ danger: true, disabled: to === undefined }}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const moved = await run(() => repos.moveOpinionsAndRemoveMember(member.id, to!, actor), (n) => `已将 ${n} 条意见改到新对象，并移除${member.name}`);
          if (moved !== undefined) setOpen(false);
        }}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph data-testid="remove-member-warning" style={{ marginBottom: 0 }}>
            {member.name}已有 <b>{opinions}</b> 条意见。直接移除会使这些意见失去对象，因此不能直接移除。可以把这些意见改到下面选择的对象，再移除{member.name}（一步完成，可在变更记录中查到）；如意见本就录错，也可先在意见列表中删除。
          </Typography.Paragraph>
          <Select
            style={{ width: '100%' }}
            placeholder="选择意见改到的对象"
            value={to}
            onChange={setTo}
            options={others.map((t) => ({ value: t.id, label: t.label }))}
            aria-label="意见改到的对象"
          />
        </Space>
      </Modal>
    </>
  );
}
