import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { materialRulesOf, type MaterialRules } from '#shared/materials/rules';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';

type Values = Omit<MaterialRules, 'genericPhrases'> & { phrases: string };

/** The meeting's material and preparation options (rule set `materials`), editable. */
export function MaterialRulesCard() {
  const { meeting } = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const rules = materialRulesOf(meeting.ruleSet);
  const save = (v: Values) => {
    const { phrases, ...rest } = v;
    return run(() => repos.saveMaterialRules(meeting.id, { ...rest, genericPhrases: phrases.split(/\r?\n|、/) }, actor), '审核要求已保存');
  };
  return (
    <Card size="small" title="材料审核要求（本次会议的规则）">
      <Form<Values> layout="vertical" size="small" key={JSON.stringify(rules)} initialValues={{ ...rules, phrases: rules.genericPhrases.join('\n') }} onFinish={(v) => void save(v)}>
        <Form.Item label="查摆问题和剖析原因至少占全文" name="minProblemShare">
          <Select
            options={[
              { value: 0.5, label: '二分之一' },
              { value: 2 / 3, label: '三分之二' },
              { value: 0.75, label: '四分之三' },
            ]}
          />
        </Form.Item>
        <Form.Item label="方案应提前报送（天）" name="planLeadDays">
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
        <Form.Item label="套话超过多少句时警示" name="maxGenericSentences">
          <InputNumber min={0} max={1000} precision={0} />
        </Form.Item>
        <Form.Item label="套话（每行一个）" name="phrases">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Button htmlType="submit">保存审核要求</Button>
      </Form>
    </Card>
  );
}
