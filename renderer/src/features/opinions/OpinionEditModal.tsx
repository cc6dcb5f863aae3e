import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import type { OpinionDraft } from '#shared/model/drafts';
import type { Opinion } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { validFields } from '../../lib/valid-fields';
import { DateInput } from '../../lib/DateInput';
import type { MeetingData } from '../../meeting/use-meeting-data';
import { isPaperOrigin } from '#shared/ocr/preview-rows';
import { PaperOriginal } from './PaperOriginal';

/** Edit one opinion; checked by the same rules as entry. An opinion read from a paper form shows its 原件 above the fields. */
export function OpinionEditModal({ opinion, data, onClose }: { opinion: Opinion | undefined; data: MeetingData; onClose: () => void }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [form] = Form.useForm<OpinionDraft>();
  useEffect(() => {
    if (opinion) form.setFieldsValue({ ...opinion });
  }, [opinion, form]);
  const { ruleSet, dimensions } = data.meeting;
  const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <Modal
      open={opinion !== undefined}
      title="修改意见"
      okText="保存"
      width={640}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const values = await validFields(form);
        if (!values) return;
        const ok = await run(() => repos.updateOpinion(opinion!.id, { ...values, dimension: values.dimension ?? '' }, actor).then(() => true), '已保存');
        if (ok) onClose();
      }}
    >
      {opinion && isPaperOrigin(opinion.origin) && (
        <div style={{ marginBottom: 12 }}>
          <PaperOriginal opinionId={opinion.id} />
        </div>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="targetId" label="意见对象" rules={[{ required: true }]}>
          <Select options={data.targets.map((t) => ({ value: t.id, label: t.label }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="category" label="意见来源" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={options(ruleSet.categories)} />
          </Form.Item>
          <Form.Item name="channel" label="征求方式" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={options(ruleSet.channels)} />
          </Form.Item>
        </div>
        <Form.Item name="dimension" label="所属方面">
          <Select allowClear options={options(dimensions)} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="provider" label="提出方" style={{ flex: 2 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="receivedDate" label="收到日期" style={{ flex: 1 }}>
            <DateInput />
          </Form.Item>
        </div>
        <Form.Item name="content" label="意见内容" rules={[{ required: true, whitespace: true, message: '意见内容不能为空' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
