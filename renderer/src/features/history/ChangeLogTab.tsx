import { Card, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { entityLabel } from '#shared/model/record-kinds';
import type { ChangeAction, EntityKind } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { formatDateTime } from '#shared/util/dates';
import { useMeeting } from '../../meeting/meeting-context';

const ACTIONS: Record<ChangeAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  import: '导入',
  merge: '合并',
  reorder: '排序',
};

/** The meeting's append-only change log: who changed what, when. */
export function ChangeLogTab() {
  const data = useMeeting();
  const { repos } = useWorkbench();
  const rows = useLiveQuery(() => repos.listMeetingChanges(data.meeting.id), [repos, data.meeting.id]);
  return (
    <Card size="small">
      <Table
        rowKey="id"
        size="small"
        loading={rows === undefined}
        dataSource={rows}
        pagination={{ defaultPageSize: 50 }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180, render: (t: string) => formatDateTime(t) },
          { title: '操作人', dataIndex: 'actor', width: 120 },
          { title: '对象', dataIndex: 'entity', width: 110, render: (e: EntityKind) => entityLabel(e) },
          { title: '操作', dataIndex: 'action', width: 80, render: (a: ChangeAction) => <Tag>{ACTIONS[a]}</Tag> },
          { title: '内容', dataIndex: 'summary' },
        ]}
      />
    </Card>
  );
}
