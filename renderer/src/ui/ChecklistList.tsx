import { Checkbox, List, Space, Tag, Typography } from 'antd';
import { CHECKLIST_STATUS_LABELS, type ChecklistStatus, type PreMeetingChecklist } from '#shared/supervision/pre-meeting';

const COLORS: Record<ChecklistStatus, string> = { done: 'success', 'not-done': 'error', unknown: 'warning' };

/**
 * The 会前准备 checklist: each item 已完成 / 未完成 / 待核实 with its evidence. With `onTick`, each
 * evidence line of an item not done can be ticked (the audit verdict cites them).
 */
export function ChecklistList({ checklist, ticked, onTick }: { checklist: PreMeetingChecklist; ticked?: ReadonlySet<string>; onTick?: (line: string, on: boolean) => void }) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="pre-meeting-checklist">
      <Typography.Text strong>{checklist.summary}</Typography.Text>
      <List
        size="small"
        dataSource={checklist.items}
        renderItem={(item) => (
          <List.Item data-testid={`checklist-${item.key}`}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space>
                <Typography.Text strong>{item.label}</Typography.Text>
                <Tag color={COLORS[item.status]}>{CHECKLIST_STATUS_LABELS[item.status]}</Tag>
              </Space>
              {item.evidence.map((e) => {
                const line = `${item.label}：${e}`;
                return onTick && item.status !== 'done' ? (
                  <Checkbox key={e} checked={ticked?.has(line)} onChange={(ev) => onTick(line, ev.target.checked)}>
                    {e}
                  </Checkbox>
                ) : (
                  <Typography.Text key={e} type="secondary">
                    {e}
                  </Typography.Text>
                );
              })}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
