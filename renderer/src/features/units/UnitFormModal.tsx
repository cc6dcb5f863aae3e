import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { UnitDraft } from '#shared/model/drafts';
import type { Unit } from '#shared/model/types';
import { unitGroupName } from '#shared/documents/group-name';
import { validFields } from '../../lib/valid-fields';

interface Props {
  open: boolean;
  unit?: Unit;
  onCancel: () => void;
  onSubmit: (draft: UnitDraft) => Promise<boolean>;
}

/** Create or edit a unit. */
export function UnitFormModal({ open, unit, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<UnitDraft>();
  const name = (Form.useWatch('name', form) as string | undefined) ?? '';
  useEffect(() => {
    if (open) form.setFieldsValue({ name: unit?.name ?? '', shortName: unit?.shortName ?? '', supervisoryGroup: unit?.supervisoryGroup ?? '' });
  }, [open, unit, form]);
  return (
    <Modal
      open={open}
      title={unit ? '修改单位' : '新建单位'}
      okText="保存"
      onCancel={onCancel}
      onOk={async () => {
        const values = await validFields(form);
        if (!values) return;
        if (await onSubmit(values)) onCancel();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label="单位（班子）名称"
          rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}
          extra={<span data-testid="group-name-preview">{name.trim() ? `清单和报告中写作“${unitGroupName(name)}”` : '填写单位名称即可；名称已带“领导班子”的，文书中不会重复。'}</span>}
        >
          <Input placeholder="如：中共某某县委员会" autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label="简称">
          <Input placeholder="如：县委" maxLength={100} />
        </Form.Item>
        <Form.Item name="supervisoryGroup" label="督导组">
          <Input placeholder="如：第一督导组" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
