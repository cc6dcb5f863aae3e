import { Checkbox, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import type { Opinion } from '#shared/model/types';

/** What the modal edits: a new consolidated opinion, raw opinions joining one, or the wording of one. */
export interface ConsolidateDraft {
  mode: 'new' | 'join' | 'edit';
  /** The raw opinions offered (all ticked at first); none in `edit`. */
  opinionIds: string[];
  text: string;
  dimension: string;
}

interface Values {
  opinionIds: string[];
  text: string;
  dimension?: string;
}

const TITLES = { new: '梳理为一条意见', join: '并入已有的梳理后意见', edit: '修改梳理后意见' };

/** The consolidated wording and dimension, and which of the offered raw opinions it merges. */
export function ConsolidateModal({
  draft,
  raws,
  dimensions,
  onClose,
  onSubmit,
}: {
  draft: ConsolidateDraft | undefined;
  raws: ReadonlyMap<string, Opinion>;
  dimensions: readonly string[];
  onClose: () => void;
  onSubmit: (v: { opinionIds: string[]; text: string; dimension: string }) => Promise<boolean>;
}) {
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (draft) form.setFieldsValue({ opinionIds: draft.opinionIds, text: draft.text, dimension: draft.dimension || undefined });
  }, [draft, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (v && (await onSubmit({ opinionIds: v.opinionIds ?? [], text: v.text, dimension: v.dimension ?? '' }))) onClose();
  };

  return (
    <Modal open={draft !== undefined} title={draft ? TITLES[draft.mode] : ''} okText="确定" cancelText="取消" width={720} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical">
        {draft && draft.mode !== 'edit' && (
          <Form.Item name="opinionIds" label="合并的原始意见（原始意见本身不会改动，仍按原条数计入“2个至少”）" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一条原始意见' }]}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                {draft.opinionIds.map((id) => {
                  const o = raws.get(id);
                  return (
                    <Checkbox key={id} value={id}>
                      {o?.content}
                      {o && (
                        <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                          <Tag style={{ marginLeft: 4 }}>{o.category}</Tag>
                          {o.channel}
                        </Typography.Text>
                      )}
                    </Checkbox>
                  );
                })}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="text" label="梳理后意见" rules={[{ required: true, whitespace: true, message: '梳理后意见不能为空' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20000} aria-label="梳理后意见" />
        </Form.Item>
        <Form.Item name="dimension" label="所属方面">
          <Select allowClear aria-label="所属方面" placeholder="对照检查方面（可不选）" options={dimensions.map((d) => ({ value: d, label: d }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
