import { Button, Card, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { formatDateTime } from '#shared/util/dates';
import { useMeeting } from '../../meeting/meeting-context';
import { isPaperOrigin } from '#shared/ocr/preview-rows';
import type { Opinion } from '#shared/model/types';
import { PaperOriginalModal } from './PaperOriginal';

/** Deleted opinions of the meeting; restore one, some or all. Nothing is ever destroyed here. */
export function RecycleBinTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [selected, setSelected] = useState<string[]>([]);
  const [original, setOriginal] = useState<Opinion>();
  const deleted = useLiveQuery(() => repos.listDeletedOpinions(data.meeting.id), [repos, data.meeting.id]);
  const restore = async (ids: string[]) => {
    const n = await run(() => repos.restoreOpinions(ids, actor), (count) => `已恢复 ${count} 条意见`);
    if (n !== undefined) setSelected([]);
  };
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={selected.length === 0} onClick={() => restore(selected)}>
          恢复选中（{selected.length}）
        </Button>
        <Typography.Text type="secondary">删除的意见保留在这里，不计入条数，可随时恢复。</Typography.Text>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={deleted === undefined}
        dataSource={deleted}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: '回收站是空的' }}
        pagination={{ defaultPageSize: 50 }}
        columns={[
          { title: '意见对象', dataIndex: 'targetId', width: 150, render: (id: string) => data.targetLabels.get(id) ?? '（已移除的成员）' },
          { title: '来源', dataIndex: 'category', width: 90 },
          { title: '方式', dataIndex: 'channel', width: 100 },
          { title: '意见内容', dataIndex: 'content', render: (c: string) => <span className="opinion-content">{c}</span> },
          { title: '删除时间', dataIndex: 'deletedAt', width: 170, render: (t: string) => formatDateTime(t) },
          {
            title: '操作',
            width: 100,
            // An opinion read from paper keeps its 原件 in the recycle bin too.
            render: (_v, o) => (
              <Space size={8}>
                <a onClick={() => restore([o.id])} data-testid="restore-one">
                  恢复
                </a>
                {isPaperOrigin(o.origin) && (
                  <a onClick={() => setOriginal(o)} data-testid="show-original">
                    原件
                  </a>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PaperOriginalModal opinion={original} onClose={() => setOriginal(undefined)} />
    </Card>
  );
}
