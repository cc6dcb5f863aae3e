import { List, Typography } from 'antd';
import type { MergeUpdate } from '#shared/package/merge';
import { showField } from './field-value';

/** Every record the merge will update, with each field it changes: before → after. */
export function UpdateList({ updates }: { updates: MergeUpdate[] }) {
  return (
    <List
      size="small"
      bordered
      header={<Typography.Text strong>将更新 {updates.length} 条记录（本机版本 → 数据包版本）</Typography.Text>}
      dataSource={updates}
      pagination={updates.length > 10 ? { pageSize: 10, size: 'small' } : false}
      renderItem={(u) => (
        <List.Item data-testid="merge-update">
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{u.label}</Typography.Text>
            <table className="conflict-table">
              <tbody>
                {u.changes.map((c) => (
                  <tr key={c.key}>
                    <td style={{ width: 110 }}>{c.field}</td>
                    <td>{showField(c.before, c.key)}</td>
                    <td style={{ width: 24, textAlign: 'center' }}>→</td>
                    <td>{showField(c.after, c.key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </List.Item>
      )}
    />
  );
}
