import { Alert, Checkbox, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { duplicateKey } from '#shared/checks/duplicates';
import { isPraiseOnly, isPraiseWithNoOpinion, isSubstantive, phraseMatcher } from '#shared/checks/substance';
import { FIELD_LABELS } from '#shared/import/fields';
import type { PasteEntry, PastePlan } from '#shared/text/paste-plan';
import type { PasteColumnRole } from '#shared/text/paste-table';
import type { MeetingData } from '../../meeting/use-meeting-data';

interface Props {
  plan: PastePlan | undefined;
  data: MeetingData;
  destination: { targetId: string; category: string; channel: string };
  onCancel: () => void;
  onConfirm: (entries: PasteEntry[]) => Promise<boolean>;
}

const PAGE_SIZE = 100;

/** What a paste will add, row by row, before anything is written; for a table, which column went where. */
export function PastePreviewModal({ plan, data, destination, onCancel, onConfirm }: Props) {
  const [checked, setChecked] = useState<boolean[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChecked(plan?.entries.map((e) => e.skip === undefined) ?? []), [plan]);
  const entries = useMemo(() => plan?.entries ?? [], [plan]);

  const notes = useMemo(() => {
    const { noOpinionPhrases, praisePhrases } = data.meeting.ruleSet;
    const noOpinion = phraseMatcher(noOpinionPhrases, praisePhrases);
    const existing = new Set(data.opinions.map((o) => duplicateKey(o)));
    const seen = new Set<string>();
    return entries.map((entry) => {
      const key = duplicateKey({ ...destination, ...entry.fields, content: entry.text });
      const note = isPraiseWithNoOpinion(entry.text, noOpinion)
        ? '仅表扬（无意见），不计数'
        : !isSubstantive(entry.text, noOpinion)
          ? '无实质内容，不计数'
          : existing.has(key) || seen.has(key)
            ? '与已有意见重复，只计一次'
            : isPraiseOnly(entry.text, praisePhrases)
              ? '仅表扬'
              : '';
      if (entry.skip === undefined) seen.add(key);
      return note;
    });
  }, [entries, data.opinions, data.meeting.ruleSet, destination]);

  const count = checked.filter(Boolean).length;
  const label = data.targetLabels.get(destination.targetId) ?? '';
  const columns = (plan?.columns ?? []).filter((c) => c.role !== 'unused');

  return (
    <Modal
      open={plan !== undefined}
      title={plan?.kind === 'table' ? `粘贴预览：表格 ${entries.length} 行` : `粘贴预览：拆分出 ${entries.length} 条`}
      width={760}
      okText={`添加 ${count} 条`}
      okButtonProps={{ disabled: count === 0, loading: busy, autoFocus: true, id: 'paste-confirm' }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          if (await onConfirm(entries.filter((_, i) => checked[i]))) onCancel();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 8 }}
        data-testid="paste-done"
        message={
          <Space wrap size={4}>
            将添加到
            <Tag color="blue">{label}</Tag>
            <Tag>{destination.category}</Tag>
            <Tag>{destination.channel}</Tag>
            {columns.some((c) => c.role === 'target' || c.role === 'category' || c.role === 'channel') && '（表格中填写了对象、来源或方式的行，以表格为准）'}
          </Space>
        }
        description={`${(plan?.done ?? []).join('；')}。取消勾选的条目不会添加。`}
      />
      {columns.length > 0 && (
        <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="paste-columns">
          <Typography.Text type="secondary">识别到的列：</Typography.Text>
          {columns.map((c) => (
            <Tag key={c.index} color={c.role === 'serial' ? 'default' : 'geekblue'}>
              {c.header} → {roleLabel(c.role)}
            </Tag>
          ))}
        </Space>
      )}
      <List
        size="small"
        bordered
        style={{ maxHeight: 420, overflow: 'auto' }}
        // A long paste (hundreds or thousands of lines) is shown a page at a time, so the dialog opens at once.
        dataSource={entries.map((entry, i) => ({ entry, i }))}
        rowKey="i"
        pagination={entries.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={({ entry, i }) => (
          <List.Item data-testid="paste-row">
            <Checkbox checked={checked[i] ?? false} onChange={(e) => setChecked((c) => c.map((v, j) => (j === i ? e.target.checked : v)))}>
              <span className="opinion-content">
                <Typography.Text type="secondary">{i + 1}. </Typography.Text>
                {entry.text}
              </span>
              <EntryTags entry={entry} data={data} />
              {entry.skip && (
                <Tag color="red" style={{ marginLeft: 6 }} data-testid="paste-skip">
                  {entry.skip}
                </Tag>
              )}
              {notes[i] && (
                <Tag color="orange" style={{ marginLeft: 6 }}>
                  {notes[i]}
                </Tag>
              )}
            </Checkbox>
          </List.Item>
        )}
      />
    </Modal>
  );
}

function roleLabel(role: PasteColumnRole): string {
  return role === 'serial' ? '序号（去除）' : role === 'unused' ? '未使用' : role === 'position' ? '职务' : FIELD_LABELS[role];
}

/** The values a table row sets for itself: its target, category, channel, provider. */
function EntryTags({ entry, data }: { entry: PasteEntry; data: MeetingData }) {
  const { targetId, category, channel, provider, dimension, receivedDate } = entry.fields;
  const tags = [
    targetId !== undefined && data.targetLabels.get(targetId),
    category,
    channel,
    provider && `提出方：${provider}`,
    dimension,
    receivedDate,
  ].filter((t): t is string => typeof t === 'string' && t !== '');
  return (
    <>
      {tags.map((t) => (
        <Tag key={t} color="blue" style={{ marginLeft: 6 }}>
          {t}
        </Tag>
      ))}
    </>
  );
}
