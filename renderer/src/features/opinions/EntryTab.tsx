import { Alert, Button, Card, Col, Input, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OpinionDraft } from '../../../../shared/model/drafts';
import { GROUP_TARGET, type Opinion, type OpinionOrigin } from '../../../../shared/model/types';
import { todayDate } from '../../../../shared/util/ids';
import { planPaste, type PasteEntry, type PastePlan } from '../../../../shared/text/paste-plan';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { OpinionText } from '../../ui/OpinionText';
import { PastePreviewModal } from './PastePreviewModal';
import { useStoredState } from './use-stored-state';
import { DateInput } from '../../lib/DateInput';

const Kbd = ({ children }: { children: string }) => <span className="kbd">{children}</span>;

/**
 * Opinion entry built for speed: target, category and channel stay selected between entries;
 * one opinion per Enter, or a pasted block split into many with a preview; Alt shortcuts to switch.
 */
export function EntryTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { meeting, targets, readiness, flags } = data;
  const { categories, channels } = meeting.ruleSet;

  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  // A link's choice (补录 from the matrix) first, then what was picked before a reload, then the first.
  const pick = (list: readonly string[], ...choices: Array<string | null | undefined>) => choices.find((c) => c != null && list.includes(c)) ?? list[0] ?? '';
  const [targetId, setTargetId] = useStoredState(meeting.id, 'target', (stored) => pick(targets.map((t) => t.id), query.get('target'), stored, GROUP_TARGET));
  const [category, setCategory] = useStoredState(meeting.id, 'category', (stored) => pick(categories, query.get('category'), stored));
  const [channel, setChannel] = useStoredState(meeting.id, 'channel', (stored) => pick(channels, stored));
  const [dimension, setDimension] = useState<string>();
  const [provider, setProvider] = useState('');
  const [receivedDate, setReceivedDate] = useState(todayDate());
  const [text, setText] = useStoredState(meeting.id, 'draft', (stored) => stored ?? '');
  const [preview, setPreview] = useState<PastePlan>();
  const [recent, setRecent] = useState<Opinion[]>([]);
  const [lastPaste, setLastPaste] = useState<string[]>();
  const pasteMeeting = { members: data.members, ruleSet: meeting.ruleSet, dimensions: meeting.dimensions };
  const textRef = useRef<TextAreaRef>(null);

  // A 补录 link's choice is taken once; then the stored selection rules, so a reload keeps what was picked since.
  useEffect(() => {
    if (query.has('target') || query.has('category')) window.history.replaceState(null, '', window.location.hash.split('?')[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on arrival
  }, []);

  // A target removed from the roster, or a category removed from the rules, falls back to the first.
  useEffect(() => {
    if (!targets.some((t) => t.id === targetId)) setTargetId(GROUP_TARGET);
    if (!categories.includes(category)) setCategory(categories[0] ?? '');
    if (!channels.includes(channel)) setChannel(channels[0] ?? '');
  }, [targets, targetId, categories, category, channels, channel, setTargetId, setCategory, setChannel]);

  const focusText = () => textRef.current?.focus();

  const save = useCallback(
    async (entries: readonly PasteEntry[], origin: OpinionOrigin): Promise<boolean> => {
      // A table row's own target, category, channel, provider … win over the form's selection.
      const drafts: OpinionDraft[] = entries.map((e) => ({ targetId, category, channel, provider, dimension: dimension ?? '', receivedDate, ...e.fields, content: e.text }));
      const added = await run(() => repos.addOpinions(meeting.id, drafts, { actor, origin }), (r) => `已添加 ${r.length} 条意见`);
      if (!added) return false;
      setRecent((prev) => [...added.slice().reverse(), ...prev].slice(0, 8));
      setLastPaste(origin.kind === 'pasted' ? added.map((o) => o.id) : undefined);
      setText('');
      setTimeout(focusText, 0);
      return true;
    },
    [repos, meeting.id, actor, run, targetId, category, channel, provider, dimension, receivedDate, setText],
  );

  const submit = () => {
    const plan = planPaste(text, pasteMeeting);
    if (plan.entries.length === 0) return;
    if (plan.entries.length > 1 || plan.kind === 'table' || plan.entries[0]!.skip) setPreview(plan);
    else void save(plan.entries, { kind: 'typed' });
  };

  const cycle = <T,>(list: readonly T[], current: T, step: number): T => {
    const i = list.indexOf(current);
    return list[(i + step + list.length) % list.length] ?? current;
  };

  // Alt+1…9 category, Alt+↑/↓ target, Alt+←/→ channel: anywhere on the entry page.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.isComposing || preview) return;
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit) {
        const c = categories[Number(digit[1]) - 1];
        if (c) setCategory(c);
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        setTargetId((t) => cycle(targets.map((x) => x.id), t, e.key === 'ArrowUp' ? -1 : 1));
      } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        setChannel((c) => cycle(channels, c, e.key === 'ArrowLeft' ? -1 : 1));
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [categories, channels, targets, preview, setCategory, setTargetId, setChannel]);

  const onTextKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing Chinese picks a candidate; it must not submit.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    // A table is read on its own (what was typed stays in the box); a block joins what was typed.
    const table = planPaste(pasted, pasteMeeting);
    const plan = table.kind === 'table' ? table : planPaste(text + pasted, pasteMeeting);
    if (plan.kind === 'table' || plan.entries.length > 1) {
      e.preventDefault();
      setPreview(plan);
    }
  };

  const target = readiness.targets.find((t) => t.targetId === targetId);
  const shortTargets = new Set(readiness.targets.filter((t) => t.zero || t.cells.some((c) => c.status === 'short')).map((t) => t.targetId));

  return (
    <Row gutter={12}>
      <Col span={16}>
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
              <Radio.Group className="target-buttons" value={targetId} onChange={(e) => setTargetId(e.target.value as string)} optionType="button" buttonStyle="solid" size="small" aria-label="意见对象">
                {targets.map((t) => (
                  <Radio.Button key={t.id} value={t.id} data-testid={`target-${t.id}`}>
                    {t.label}
                    {shortTargets.has(t.id) && <span style={{ color: '#e53935', marginLeft: 2 }}>•</span>}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Field>
            <Field label="意见来源" hint="Alt+1…9">
              <Radio.Group value={category} onChange={(e) => setCategory(e.target.value as string)} optionType="button" buttonStyle="solid" size="small" aria-label="意见来源">
                {categories.map((c, i) => (
                  <Radio.Button key={c} value={c}>
                    <span style={{ fontSize: 11, opacity: 0.55, marginRight: 3 }}>{i + 1}</span>
                    {c}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Field>
            <Field label="征求方式" hint="Alt+←/→">
              <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as string)} optionType="button" size="small" aria-label="征求方式">
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
                    value={dimension}
                    onChange={setDimension}
                    options={meeting.dimensions.map((d) => ({ value: d, label: d }))}
                    style={{ width: '100%' }}
                    size="small"
                    popupMatchSelectWidth={false}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field label="提出方">
                  <Input size="small" placeholder="选填，仅内部台账可见" value={provider} onChange={(e) => setProvider(e.target.value)} maxLength={200} />
                </Field>
              </Col>
              <Col span={7}>
                <Field label="收到日期">
                  <DateInput size="small" value={receivedDate} onChange={setReceivedDate} ariaLabel="收到日期" />
                </Field>
              </Col>
            </Row>
            <Input.TextArea
              ref={textRef}
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onTextKey}
              onPaste={onPaste}
              autoSize={{ minRows: 4, maxRows: 12 }}
              placeholder="输入一条意见，按 Enter 添加（Shift+Enter 换行）。也可一次粘贴多条：按编号或按行自动拆分，去掉编号后先预览再添加。"
              aria-label="意见内容"
              data-testid="opinion-input"
            />
            <Space>
              <Button type="primary" onClick={submit} disabled={text.trim() === ''} data-testid="add-opinion">
                添加
              </Button>
              <Button onClick={() => setText('')}>清空</Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Kbd>Enter</Kbd> 添加　<Kbd>Shift+Enter</Kbd> 换行　<Kbd>Esc</Kbd> 清空　<Kbd>Alt+1…9</Kbd> 来源　<Kbd>Alt+↑↓</Kbd> 对象　<Kbd>Alt+←→</Kbd> 方式
              </Typography.Text>
            </Space>
          </Space>
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={`${target?.label ?? ''} 完成情况`} data-testid="target-progress">
          {target && (
            <List
              size="small"
              dataSource={target.cells}
              renderItem={(c) => (
                <List.Item
                  style={{ cursor: 'pointer', fontWeight: c.category === category ? 600 : undefined }}
                  onClick={() => setCategory(c.category)}
                  extra={
                    <Tag color={c.status === 'ok' ? 'success' : 'error'} data-testid={`progress-${c.category}`}>
                      {c.count}/{c.min}
                    </Tag>
                  }
                >
                  {c.category}
                </List.Item>
              )}
            />
          )}
          {target?.zero && (
            <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
              该对象目前为零意见
            </Typography.Text>
          )}
        </Card>
        <Card
          size="small"
          title="本次录入"
          style={{ marginTop: 12 }}
          extra={
            lastPaste && (
              <a
                data-testid="undo-paste"
                onClick={() =>
                  void run(() => repos.deleteOpinions(lastPaste, actor), (n) => `已撤销本次粘贴的 ${n} 条意见（移入回收站）`).then((n) => {
                    if (n === undefined) return;
                    setRecent((r) => r.filter((x) => !lastPaste.includes(x.id)));
                    setLastPaste(undefined);
                  })
                }
              >
                撤销本次粘贴（{lastPaste.length} 条）
              </a>
            )
          }
        >
          <List
            size="small"
            dataSource={recent}
            locale={{ emptyText: '添加的意见会显示在这里，可随时撤销' }}
            renderItem={(o) => (
              <List.Item
                actions={[
                  <a
                    key="undo"
                    onClick={() =>
                      void run(() => repos.deleteOpinions([o.id], actor), '已撤销（移入回收站）').then((n) => {
                        if (n !== undefined) setRecent((r) => r.filter((x) => x.id !== o.id));
                      })
                    }
                  >
                    撤销
                  </a>,
                ]}
              >
                <div style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary">
                    {data.targetLabels.get(o.targetId)} · {o.category}：
                  </Typography.Text>
                  <OpinionText content={o.content} flags={flags.get(o.id)} />
                </div>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <PastePreviewModal
        plan={preview}
        data={data}
        destination={{ targetId, category, channel }}
        onCancel={() => {
          setPreview(undefined);
          setTimeout(focusText, 0);
        }}
        onConfirm={(entries) => save(entries, { kind: 'pasted' })}
      />
    </Row>
  );
}

function Field({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
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
