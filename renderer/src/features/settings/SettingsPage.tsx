import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ruleSetProblems } from '#shared/model/rule-set';
import type { DimensionSet } from '#shared/model/dimensions';
import type { RuleSet } from '#shared/model/types';
import { cleanLine } from '#shared/text/normalize';
import { useWorkbench } from '../../app/workbench-context';
import { UserError } from '../../lib/user-error';
import { defaultSettings } from '../../db/repos/settings-repo';
import { problemSourcesOf, storedProblemSources } from '#shared/model/problems';
import { useAction } from '../../lib/use-action';
import { validFields } from '../../lib/valid-fields';
import { RuleSetFields } from '../../ui/RuleSetFields';

/** The operator's name, the rules new meetings start from, and the 对照检查 reference data. */
export function SettingsPage() {
  const { repos, settings, reloadSettings } = useWorkbench();
  const run = useAction();
  const [operatorForm] = Form.useForm<{ operatorName: string }>();
  const [rulesForm] = Form.useForm<{ ruleSet: RuleSet; providerRuleOn: boolean }>();
  const [dimForm] = Form.useForm<{ sets: DimensionSet[] }>();

  useEffect(() => {
    operatorForm.setFieldsValue({ operatorName: settings.operatorName });
    rulesForm.setFieldsValue({
      ruleSet: { ...settings.defaultRuleSet, minPerProvider: settings.defaultRuleSet.minPerProvider ?? 2, problemSources: problemSourcesOf({ ruleSet: settings.defaultRuleSet }) },
      providerRuleOn: settings.defaultRuleSet.minPerProvider !== null,
    });
    dimForm.setFieldsValue({ sets: settings.dimensionSets });
  }, [settings, operatorForm, rulesForm, dimForm]);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 960 }}>
      <Card title="操作人" size="small">
        <Form form={operatorForm} layout="inline">
          <Form.Item name="operatorName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input style={{ width: 240 }} maxLength={50} aria-label="操作人姓名" />
          </Form.Item>
          <Button
            type="primary"
            onClick={async () => {
              const fields = await validFields(operatorForm);
              if (!fields) return;
              const { operatorName } = fields;
              await run(async () => {
                await repos.saveSetting('operatorName', cleanLine(operatorName));
                await reloadSettings();
              }, '已保存');
            }}
          >
            保存
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          记入每条意见的“录入人”和变更记录。
        </Typography.Paragraph>
      </Card>
      <Card title="新建会议的默认规则" size="small">
        <Form form={rulesForm} layout="vertical">
          <RuleSetFields />
          <Space>
            <Button
              type="primary"
              onClick={async () => {
                const v = await validFields(rulesForm);
                if (!v) return;
                const { problemSources, ...rules } = { ...settings.defaultRuleSet, ...v.ruleSet, minPerProvider: v.providerRuleOn ? (v.ruleSet.minPerProvider ?? 2) : null };
                // Kept only when it is not the county's six, as a meeting keeps it.
                const sources = storedProblemSources(problemSources);
                const ruleSet: RuleSet = { ...rules, ...(sources ? { problemSources: sources } : {}) };
                await run(async () => {
                  const problems = ruleSetProblems(ruleSet);
                  if (problems.length > 0) throw new UserError(problems.join('；'), problems);
                  await repos.saveSetting('defaultRuleSet', ruleSet);
                  await reloadSettings();
                }, '默认规则已保存（已有会议的规则不变）');
              }}
            >
              保存默认规则
            </Button>
            <Button
              onClick={() =>
                run(async () => {
                  await repos.saveSetting('defaultRuleSet', defaultSettings().defaultRuleSet);
                  await reloadSettings();
                }, '已恢复为县委规定的默认规则')
              }
            >
              恢复默认
            </Button>
          </Space>
        </Form>
      </Card>
      <Card title="对照检查方面（参考数据）" size="small">
        <Form form={dimForm} layout="vertical">
          <Form.List name="sets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Card key={field.key} size="small" type="inner" style={{ marginBottom: 8 }}>
                    <Space align="start" wrap>
                      <Form.Item name={[field.name, 'label']} label="名称" rules={[{ required: true, whitespace: true }]}>
                        <Input style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'year']} label="年度" rules={[{ required: true }]} getValueFromEvent={(e: { target: { value: string } }) => Number(e.target.value)}>
                        <Input type="number" style={{ width: 100 }} />
                      </Form.Item>
                      <Button danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                        删除
                      </Button>
                    </Space>
                    <Form.Item name={[field.name, 'dimensions']} label="方面" style={{ marginBottom: 0 }}>
                      <Select mode="tags" open={false} suffixIcon={null} />
                    </Form.Item>
                  </Card>
                ))}
                <Space>
                  <Button onClick={() => add({ label: `${new Date().getFullYear()}年度`, year: new Date().getFullYear(), dimensions: [] })}>新增年度</Button>
                  <Button
                    type="primary"
                    onClick={async () => {
                      const fields = await validFields(dimForm);
                      if (!fields) return;
                      const { sets } = fields;
                      await run(async () => {
                        const cleaned = sets.map((s) => ({ label: cleanLine(s.label), year: Number(s.year), dimensions: s.dimensions.map(cleanLine).filter(Boolean) }));
                        if (new Set(cleaned.map((s) => s.label)).size !== cleaned.length) throw new UserError('年度名称有重复');
                        if (cleaned.some((s) => !Number.isInteger(s.year) || s.year < 1990 || s.year > 2200)) throw new UserError('年度应为 1990 到 2200 之间的年份');
                        await repos.saveSetting('dimensionSets', cleaned);
                        await reloadSettings();
                      }, '已保存（已有会议不受影响）');
                    }}
                  >
                    保存
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      </Card>
    </Space>
  );
}
