import { Form, InputNumber, Select, Switch, Space, Typography } from 'antd';
import { CategoryListInput } from './CategoryListInput';
import { CARRIED_SOURCE } from '#shared/model/problems';

/**
 * The rule-set fields of a form, under the form field `ruleSet` (plus `providerRuleOn`, a
 * switch for the optional per-provider minimum). Used by the meeting settings and the defaults.
 */
export function RuleSetFields() {
  const tags = (placeholder: string) => <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder={placeholder} open={false} suffixIcon={null} />;
  return (
    <>
      <Form.Item name={['ruleSet', 'categories']} label="意见来源类别（5类必须）" extra="按此顺序显示和导出（就绪情况、意见列表、清单和报告），可用箭头调整。" rules={[{ required: true, message: '至少需要一个类别' }]}>
        <CategoryListInput />
      </Form.Item>
      <Form.Item name={['ruleSet', 'channels']} label="征求方式" rules={[{ required: true, message: '至少需要一种方式' }]}>
        {tags('书面征求、谈心谈话……')}
      </Form.Item>
      <Space size={32} wrap>
        <Form.Item name={['ruleSet', 'minPerCategory']} label="每类至少（条）" rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name={['ruleSet', 'groupIsTarget']} label="领导班子整体作为意见对象" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name={['ruleSet', 'excludeNonSubstantive']} label="无实质内容的意见不计数" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name={['ruleSet', 'requireFullCoverage']} label="意见全部回应后方可公示" tooltip="开启后，每条梳理后意见都须列入问题清单或记明理由，问题清单才算可以公示" valuePropName="checked">
          <Switch aria-label="意见全部回应后方可公示" />
        </Form.Item>
        <Form.Item label="每个提出方至少（条）" tooltip="开启后，同一提出方对同一对象所提意见须达到此条数">
          <Space>
            <Form.Item name="providerRuleOn" valuePropName="checked" noStyle>
              <Switch />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.providerRuleOn !== b.providerRuleOn}>
              {({ getFieldValue }) => (
                <Form.Item name={['ruleSet', 'minPerProvider']} noStyle>
                  <InputNumber min={1} max={100} precision={0} disabled={!getFieldValue('providerRuleOn')} />
                </Form.Item>
              )}
            </Form.Item>
          </Space>
        </Form.Item>
      </Space>
      <Form.Item
        name={['ruleSet', 'problemSources']}
        label="问题来源（查摆问题可选）"
        extra="查摆问题时从中选择，可增删和调整顺序；“上年度未完成”用于回头看结转的问题，始终保留。已填写的问题若用了移除的来源，修改时须改选。"
        rules={[{ required: true, type: 'array', min: 1, message: '至少需要一个问题来源' }]}
      >
        <CategoryListInput noun="问题来源" locked={[CARRIED_SOURCE]} testId="problem-source-list" itemTestId="problem-source-item" />
      </Form.Item>
      <Form.Item name={['ruleSet', 'noOpinionPhrases']} label="视为“无意见”的说法（不计数）" extra="比较时忽略标点、空格和全半角。">
        {tags('无、暂无、没有意见……')}
      </Form.Item>
      <Form.Item name={['ruleSet', 'praisePhrases']} label="表扬性说法（仅有这些内容时提示“仅表扬”）">
        {tags('希望继续保持……')}
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        规则修改后，就绪情况、导出和督导检查立即按新规则计算。
      </Typography.Paragraph>
    </>
  );
}
