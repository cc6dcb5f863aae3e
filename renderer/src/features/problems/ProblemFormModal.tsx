import { Checkbox, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import type { ProblemItem } from '#shared/model/problems';
import { DateInput } from '../../lib/DateInput';

/** What the form edits: a problem item's fields (its target is fixed by the list it is in). */
export type ProblemFields = Omit<ProblemItem, 'id' | 'meetingId' | 'targetId' | 'order' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'carriedFrom'>;

export const EMPTY_PROBLEM: ProblemFields = {
  description: '',
  dimension: '',
  sources: ['征求意见'],
  consolidatedIds: [],
  causes: '',
  measures: '',
  standard: '',
  leader: '',
  responsible: '',
  deadline: '',
  longTerm: false,
  published: true,
  note: '',
};

interface OpinionOption {
  id: string;
  text: string;
  /** The target's label when it is not the list's own target. */
  other?: string;
}

/** A problem item of the 两张清单 with every field of the practice; the 五个明确 are marked, not forced. */
export function ProblemFormModal({
  open,
  title,
  initial,
  dimensions,
  sources,
  opinions,
  onClose,
  onSave,
}: {
  open: boolean;
  title: string;
  initial: ProblemFields;
  dimensions: readonly string[];
  sources: readonly string[];
  opinions: OpinionOption[];
  onClose: () => void;
  onSave: (fields: ProblemFields) => Promise<boolean>;
}) {
  const [form] = Form.useForm<ProblemFields>();
  useEffect(() => {
    if (open) form.setFieldsValue({ ...initial, dimension: initial.dimension || (undefined as unknown as string) });
  }, [open, initial, form]);
  const longTerm = Form.useWatch('longTerm', form);

  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const fields: ProblemFields = { ...EMPTY_PROBLEM, ...v, dimension: v.dimension ?? '', deadline: v.longTerm ? '' : (v.deadline ?? '') };
    for (const k of ['description', 'causes', 'measures', 'standard', 'leader', 'responsible', 'note'] as const) fields[k] = (fields[k] ?? '').trim();
    if (await onSave(fields)) onClose();
  };
  const own = opinions.filter((o) => !o.other);
  const others = opinions.filter((o) => o.other);

  return (
    <Modal open={open} title={title} width={900} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="description" label="问题表现（具体、见人见事）" rules={[{ required: true, whitespace: true, message: '问题表现不能为空' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} aria-label="问题表现" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="dimension" label="所属方面">
              <Select allowClear aria-label="所属方面" placeholder="对照检查方面" options={dimensions.map((d) => ({ value: d, label: d }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sources" label="问题来源" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个问题来源' }]}>
              <Select mode="multiple" aria-label="问题来源" options={sources.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="consolidatedIds" label="回应的梳理后意见（列入本问题即视为已回应）">
          <Select
            mode="multiple"
            aria-label="关联意见"
            optionFilterProp="label"
            placeholder="选择本问题回应的意见"
            options={[
              { label: '本对象的意见', options: own.map((o) => ({ value: o.id, label: o.text })) },
              ...(others.length > 0 ? [{ label: '其他对象的意见', options: others.map((o) => ({ value: o.id, label: `〔${o.other}〕${o.text}` })) }] : []),
            ]}
          />
        </Form.Item>
        <Form.Item name="causes" label="原因剖析（可选）">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={5000} aria-label="原因剖析" />
        </Form.Item>
        <Form.Item name="measures" label="整改措施">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={5000} aria-label="整改措施" />
        </Form.Item>
        <Form.Item name="standard" label="整改目标/标准（尽量可量化）">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} aria-label="整改目标/标准" />
        </Form.Item>
        <Row gutter={12}>
          <TextColumn span={8} name="leader" label="责任领导" max={200} />
          <TextColumn span={8} name="responsible" label="责任部门/责任人" max={500} />
          <Col span={8}>
            <DeadlineField longTerm={longTerm} onLongTerm={() => form.setFieldValue('deadline', '')} />
          </Col>
        </Row>
        <Row gutter={12}>
          <TextColumn span={16} name="note" label="内部备注（不公示）" ariaLabel="内部备注" max={2000} />
          <Col span={8}>
            <Form.Item name="published" label="列入公示" valuePropName="checked">
              <Switch aria-label="列入公示" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** A one-line text field in a column of a form row. */
function TextColumn({ span, name, label, ariaLabel = label, max }: { span: number; name: 'leader' | 'responsible' | 'note'; label: string; ariaLabel?: string; max: number }) {
  return (
    <Col span={span}>
      <Form.Item name={name} label={label}>
        <Input maxLength={max} aria-label={ariaLabel} />
      </Form.Item>
    </Col>
  );
}

/** 完成时限: a date, or 长期坚持 (which clears the date: the item has no end date). */
function DeadlineField({ longTerm, onLongTerm }: { longTerm: boolean | undefined; onLongTerm: () => void }) {
  return (
    <Form.Item label="完成时限" style={{ marginBottom: 0 }}>
      <Row gutter={8} align="middle">
        <Col flex="auto">
          <Form.Item name="deadline" noStyle>
            <DateInput ariaLabel="完成时限" />
          </Form.Item>
        </Col>
        <Col>
          <Form.Item name="longTerm" valuePropName="checked" noStyle>
            <Checkbox onChange={(e) => e.target.checked && onLongTerm()}>长期坚持</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      {longTerm && <div style={{ fontSize: 12, color: '#888' }}>时限为“长期坚持”，不填日期</div>}
    </Form.Item>
  );
}
