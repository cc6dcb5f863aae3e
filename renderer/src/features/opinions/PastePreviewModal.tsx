import { Alert, Checkbox, List, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { duplicateKey } from '../../../../shared/checks/duplicates';
import { isSubstantive, phraseMatcher } from '../../../../shared/checks/substance';
import type { PasteItem } from '../../../../shared/text/split-paste';
import type { MeetingData } from '../../meeting/use-meeting-data';

interface Props {
  items: PasteItem[] | undefined;
  data: MeetingData;
  destination: { targetId: string; category: string; channel: string };
  onCancel: () => void;
  onConfirm: (texts: string[]) => Promise<boolean>;
}

const PAGE_SIZE = 100;

/** What a paste will add, item by item, before anything is written. */
export function PastePreviewModal({ items, data, destination, onCancel, onConfirm }: Props) {
  const [checked, setChecked] = useState<boolean[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChecked(items?.map((i) => !i.likelyHeading) ?? []), [items]);

  const notes = useMemo(() => {
    const noOpinion = phraseMatcher(data.meeting.ruleSet.noOpinionPhrases);
    const existing = new Set(data.opinions.map((o) => duplicateKey(o)));
    const seen = new Set<string>();
    return (items ?? []).map((item) => {
      const key = duplicateKey({ ...destination, content: item.text });
      const note = !isSubstantive(item.text, noOpinion) ? '无实质内容，不计数' : existing.has(key) || seen.has(key) ? '与已有意见重复，只计一次' : '';
      seen.add(key);
      return note;
    });
  }, [items, data.opinions, data.meeting.ruleSet.noOpinionPhrases, destination]);

  const count = checked.filter(Boolean).length;
  const label = data.targetLabels.get(destination.targetId) ?? '';

  return (
    <Modal
      open={items !== undefined}
      title={`粘贴预览：拆分出 ${items?.length ?? 0} 条`}
      width={720}
      okText={`添加 ${count} 条`}
      okButtonProps={{ disabled: count === 0, loading: busy, autoFocus: true, id: 'paste-confirm' }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          const texts = (items ?? []).filter((_, i) => checked[i]).map((i) => i.text);
          if (await onConfirm(texts)) onCancel();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        message={
          <Space wrap size={4}>
            将添加到
            <Tag color="blue">{label}</Tag>
            <Tag>{destination.category}</Tag>
            <Tag>{destination.channel}</Tag>
            编号已去除；取消勾选的条目不会添加。
          </Space>
        }
      />
      <List
        size="small"
        bordered
        style={{ maxHeight: 420, overflow: 'auto' }}
        // A long paste (hundreds or thousands of lines) is shown a page at a time, so the dialog opens at once.
        dataSource={(items ?? []).map((item, i) => ({ item, i }))}
        rowKey="i"
        pagination={(items?.length ?? 0) > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small', showSizeChanger: false, align: 'center' } : false}
        renderItem={({ item, i }) => (
          <List.Item>
            <Checkbox checked={checked[i] ?? false} onChange={(e) => setChecked((c) => c.map((v, j) => (j === i ? e.target.checked : v)))}>
              <span className="opinion-content">
                <Typography.Text type="secondary">{i + 1}. </Typography.Text>
                {item.text}
              </span>
              {item.likelyHeading && <Tag style={{ marginLeft: 6 }}>疑似小标题</Tag>}
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
