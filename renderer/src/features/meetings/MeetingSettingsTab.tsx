import { App, Button, Card, Divider, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { removedCategories, removedCategoriesMessage } from '#shared/model/rule-set-change';
import { useEffect } from 'react';
import type { RuleSet } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { DateInput } from '../../lib/DateInput';
import { useMeeting } from '../../meeting/meeting-context';
import { RuleSetFields } from '../../ui/RuleSetFields';
import { problemSourcesOf } from '#shared/model/problems';

interface Values {
  year: number;
  title: string;
  theme: string;
  plannedDate: string;
  status: 'preparing' | 'held';
  dimensionSet: string;
  dimensions: string[];
  ruleSet: RuleSet;
  providerRuleOn: boolean;
}

/** The meeting's fields, its rule set and its 对照检查 dimensions. */
export function MeetingSettingsTab() {
  const data = useMeeting();
  const { repos, actor, settings } = useWorkbench();
  const run = useAction();
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const { meeting } = data;

  useEffect(() => {
    form.setFieldsValue({
      ...meeting,
      providerRuleOn: meeting.ruleSet.minPerProvider !== null,
      // The 问题来源 editor starts from the list in use (the county's six when the meeting has none).
      ruleSet: { ...meeting.ruleSet, minPerProvider: meeting.ruleSet.minPerProvider ?? 2, problemSources: problemSourcesOf(meeting) },
    });
  }, [meeting, form]);

  const save = async () => {
    // A form that fails validation shows its messages; the rejection is not an error of the page.
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const ruleSet: RuleSet = { ...meeting.ruleSet, ...v.ruleSet, minPerProvider: v.providerRuleOn ? (v.ruleSet.minPerProvider ?? 2) : null };
    const removed = removedCategories(meeting.ruleSet, ruleSet, data.opinions);
    if (removed.length > 0) {
      const ok = await modal.confirm({
        title: '移除的意见来源类别中已有意见',
        content: <span data-testid="remove-category-warning">{removedCategoriesMessage(removed)}</span>,
        okText: '仍然保存',
        cancelText: '取消',
      });
      if (!ok) return;
    }
    await run(() => repos.updateMeeting(meeting.id, { ...v, ruleSet }, actor), '会议设置已保存');
  };

  return (
    <Card size="small">
      <Form form={form} layout="vertical" style={{ maxWidth: 900 }}>
        <Space size={24} wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={1990} max={2200} precision={0} />
          </Form.Item>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
            <Input style={{ width: 320 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="plannedDate" label="计划召开日期">
            <DateInput style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Radio.Group
              options={[
                { value: 'preparing', label: '筹备中' },
                { value: 'held', label: '已召开' },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="theme" label="会议主题">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Divider titlePlacement="start">对照检查方面</Divider>
        <Form.Item name="dimensionSet" label="参照年度">
          <Select
            allowClear
            style={{ width: 240 }}
            options={settings.dimensionSets.map((s) => ({ value: s.label, label: s.label }))}
            onChange={(label: string | undefined) => {
              const set = settings.dimensionSets.find((s) => s.label === label);
              form.setFieldValue('dimensions', set ? [...set.dimensions] : []);
            }}
          />
        </Form.Item>
        <Form.Item name="dimensions" label="方面（可增删，录入意见时可选）">
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['\n']} />
        </Form.Item>
        <Divider titlePlacement="start">检查规则</Divider>
        <RuleSetFields />
        <Button type="primary" onClick={() => void save()}>
          保存设置
        </Button>
      </Form>
    </Card>
  );
}
