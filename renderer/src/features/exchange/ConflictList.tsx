import { Button, List, Radio, Space, Typography } from 'antd';
import { baseKey, fieldChanges, type MergeConflict, type Resolution } from '#shared/package/merge';
import { showField } from './field-value';

/** The fields of two versions that differ, as `field: ours | theirs` lines. */
function differences(c: MergeConflict): Array<{ field: string; local: string; incoming: string }> {
  return fieldChanges(c.local, c.incoming, c.table).map((d) => ({ field: d.field, local: showField(d.before, d.key), incoming: showField(d.after, d.key) }));
}

/** Each conflict with both versions side by side and the choice of which to keep. */
export function ConflictList({
  conflicts,
  resolutions,
  onChange,
}: {
  conflicts: MergeConflict[];
  resolutions: ReadonlyMap<string, Resolution>;
  onChange: (next: Map<string, Resolution>) => void;
}) {
  const setAll = (r: Resolution) => onChange(new Map(conflicts.map((c) => [baseKey(c.table, c.id), r])));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Space>
        <Typography.Text strong>冲突 {conflicts.length} 处</Typography.Text>
        <Typography.Text type="secondary">同一条记录在本机和数据包中都被修改过，请逐条选择保留哪一方：</Typography.Text>
        <Button size="small" onClick={() => setAll('local')}>
          全部保留本机
        </Button>
        <Button size="small" onClick={() => setAll('incoming')}>
          全部采用数据包
        </Button>
      </Space>
      <List
        size="small"
        bordered
        dataSource={conflicts}
        pagination={conflicts.length > 20 ? { pageSize: 20, size: 'small' } : false}
        renderItem={(c) => {
          const key = baseKey(c.table, c.id);
          return (
            <List.Item data-testid="conflict">
              <Space direction="vertical" style={{ width: '100%' }} size={4}>
                <Space wrap>
                  <Typography.Text strong>{c.label}</Typography.Text>
                  <Radio.Group
                    size="small"
                    value={resolutions.get(key)}
                    onChange={(e) => onChange(new Map(resolutions).set(key, e.target.value as Resolution))}
                    optionType="button"
                    options={[
                      { label: '保留本机', value: 'local' },
                      { label: '采用数据包', value: 'incoming' },
                    ]}
                  />
                </Space>
                {c.message && <Typography.Text type="warning">{c.message}</Typography.Text>}
                <table className="conflict-table">
                  <thead>
                    <tr>
                      <th style={{ width: 110 }}>字段</th>
                      <th>本机版本</th>
                      <th>数据包版本</th>
                    </tr>
                  </thead>
                  <tbody>
                    {differences(c).map((d) => (
                      <tr key={d.field}>
                        <td>{d.field}</td>
                        <td>{d.local}</td>
                        <td>{d.incoming}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Space>
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
