import { Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { ANSWER_REASON_LABELS, type AnswerReasonRecord, type ConsolidatedOpinion } from '#shared/model/problems';

const REASONS = Object.entries(ANSWER_REASON_LABELS) as Array<[AnswerReasonRecord['reason'], string]>;

/** Records why a consolidated opinion needs no problem item of its own (no 只征不用), or clears it. */
export function AnswerModal({
  opinion,
  onClose,
  onSave,
}: {
  opinion: ConsolidatedOpinion | undefined;
  onClose: () => void;
  onSave: (answer: AnswerReasonRecord | undefined) => Promise<boolean>;
}) {
  const [form] = Form.useForm<AnswerReasonRecord>();
  useEffect(() => {
    if (opinion) form.setFieldsValue(opinion.answer ?? { reason: 'in-group-problems', text: '' });
  }, [opinion, form]);
  const reason = Form.useWatch('reason', form);

  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (v && (await onSave({ reason: v.reason, text: v.text ?? '' }))) onClose();
  };

  return (
    <Modal
      open={opinion !== undefined}
      title="记录回应理由"
      okText="保存理由"
      cancelText="取消"
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <Space>
          {opinion?.answer && <a onClick={() => void onSave(undefined).then((ok) => ok && onClose())}>清除理由</a>}
          <CancelBtn />
          <OkBtn />
        </Space>
      )}
    >
      <p style={{ marginBottom: 12 }}>{opinion?.text}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="理由" rules={[{ required: true }]}>
          <Radio.Group options={REASONS.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="text"
          label="说明"
          rules={[{ required: reason === 'other', whitespace: true, message: '选择“其他”时须写明理由' }]}
          extra="如：属于县政府统一部署事项，已向提出单位说明。"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} aria-label="理由说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
