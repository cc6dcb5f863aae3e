import { Alert, Button, Card, Col, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DateInput } from '../../lib/DateInput';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import type { EntryForm as Form } from './use-entry-form';

const Kbd = ({ children }: { children: string }) => <span className="kbd">{children}</span>;

/** The entry card: who the opinion is about, from which source, by which channel, and its text. */
export function EntryForm({ form }: { form: Form }) {
  const data = useMeeting();
  const { meeting, targets, readiness } = data;
  const { categories, channels } = meeting.ruleSet;
  const { selection: s, fields: f, text, textRef } = form;
  const shortTargets = new Set(readiness.targets.filter((t) => t.zero || t.cells.some((c) => c.status === 'short')).map((t) => t.targetId));

  return (
    <Card size="small" title="录入意见">
      <Space direction="vertical" size={10} style={{ width: '100%' }}>
        {data.members.length === 0 && (
          <Alert
            type="warning"
            showIcon
            message="还没有班子成员：现在只能录入对领导班子的意见。"
            action={<Button size="small" onClick={() => navigate(`/meetings/${meeting.id}/roster`)}>添加班子成员</Button>}
          />
        )}
        <Field label="意见对象" hint="Alt+↑/↓">
          <Radio.Group className="target-buttons" value={s.targetId} onChange={(e) => s.setTargetId(e.target.value as string)} optionType="button" buttonStyle="solid" size="small" aria-label="意见对象">
            {targets.map((t) => (
              <Radio.Button key={t.id} value={t.id} data-testid={`target-${t.id}`}>
                {t.label}
                {shortTargets.has(t.id) && <span style={{ color: '#e53935', marginLeft: 2 }}>•</span>}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        <Field label="意见来源" hint="Alt+1…9">
          <Radio.Group value={s.category} onChange={(e) => s.setCategory(e.target.value as string)} optionType="button" buttonStyle="solid" size="small" aria-label="意见来源">
            {categories.map((c, i) => (
              <Radio.Button key={c} value={c}>
                <span style={{ fontSize: 11, opacity: 0.55, marginRight: 3 }}>{i + 1}</span>
                {c}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        <Field label="征求方式" hint="Alt+←/→">
          <Radio.Group value={s.channel} onChange={(e) => s.setChannel(e.target.value as string)} optionType="button" size="small" aria-label="征求方式">
            {channels.map((c) => (
              <Radio.Button key={c} value={c}>
                {c}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        <Row gutter={8}>
          <Col span={9}>
            <Field label="所属方面">
              <Select
                allowClear
                placeholder="选填"
                value={f.dimension}
                onChange={f.setDimension}
                options={meeting.dimensions.map((d) => ({ value: d, label: d }))}
                style={{ width: '100%' }}
                size="small"
                popupMatchSelectWidth={false}
              />
            </Field>
          </Col>
          <Col span={8}>
            <Field label="提出方">
              <Input size="small" placeholder="选填，仅内部台账可见" value={f.provider} onChange={(e) => f.setProvider(e.target.value)} maxLength={200} />
            </Field>
          </Col>
          <Col span={7}>
            <Field label="收到日期">
              <DateInput size="small" value={f.receivedDate} onChange={f.setReceivedDate} ariaLabel="收到日期" />
            </Field>
          </Col>
        </Row>
        <Input.TextArea
          ref={textRef}
          autoFocus
          value={text.value}
          onChange={(e) => text.set(e.target.value)}
          onKeyDown={text.onKey}
          onPaste={text.onPaste}
          autoSize={{ minRows: 4, maxRows: 12 }}
          placeholder="输入一条意见，按 Enter 添加（Shift+Enter 换行）。也可一次粘贴多条：按编号或按行自动拆分，去掉编号后先预览再添加。"
          aria-label="意见内容"
          data-testid="opinion-input"
        />
        <Space>
          <Button type="primary" onClick={text.submit} disabled={text.value.trim() === ''} data-testid="add-opinion">
            添加
          </Button>
          <Button onClick={() => text.set('')}>清空</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Kbd>Enter</Kbd> 添加　<Kbd>Shift+Enter</Kbd> 换行　<Kbd>Esc</Kbd> 清空　<Kbd>Alt+1…9</Kbd> 来源　<Kbd>Alt+↑↓</Kbd> 对象　<Kbd>Alt+←→</Kbd> 方式
          </Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
      <div style={{ width: 72, flex: 'none', paddingTop: 2, color: '#555' }}>
        {label}
        {hint && <div style={{ fontSize: 11, color: '#999' }}>{hint}</div>}
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </div>
  );
}
