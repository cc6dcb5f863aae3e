import { PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Collapse, Empty, Popconfirm, Result, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { formatDateTime } from '#shared/util/dates';
import { CreateMeetingModal } from './CreateMeetingModal';

/** One unit: its meetings, newest first, and the meetings in its recycle bin. */
export function UnitPage({ unitId }: { unitId: string }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const data = useLiveQuery(async () => {
    const unit = await repos.getUnit(unitId);
    const [meetings, deleted] = await Promise.all([repos.listMeetings(unitId), repos.listDeletedMeetings(unitId)]);
    const members = await repos.memberCounts(meetings.map((m) => m.id));
    return { unit, meetings: meetings.map((m) => ({ ...m, memberCount: members.get(m.id) ?? 0 })), deleted };
  }, [repos, unitId]);

  if (data && (!data.unit || data.unit.deletedAt)) return <Result status="404" title="该单位不存在或已删除" extra={<a href="#/">回到单位列表</a>} />;
  const unit = data?.unit;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <a href="#/">单位与会议</a> }, { title: unit?.name ?? '…' }]} />
      <Card
        title={unit?.name}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建会议
          </Button>
        }
      >
        {unit && (unit.shortName || unit.supervisoryGroup) && (
          <p style={{ marginTop: 0, color: '#666' }}>
            {unit.shortName && <>简称：{unit.shortName}　</>}
            {unit.supervisoryGroup && <>督导组：{unit.supervisoryGroup}</>}
          </p>
        )}
        <Table
          rowKey="id"
          loading={data === undefined}
          dataSource={data?.meetings}
          pagination={false}
          locale={{ emptyText: <Empty description="还没有会议。点击“新建会议”开始。" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '会议',
              dataIndex: 'title',
              render: (title: string, m) => <a href={`#/meetings/${m.id}`}>{title}</a>,
            },
            { title: '计划召开', dataIndex: 'plannedDate', width: 120 },
            { title: '班子成员', dataIndex: 'memberCount', width: 100, align: 'center' },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => (s === 'held' ? <Tag>已召开</Tag> : <Tag color="blue">筹备中</Tag>) },
            {
              title: '操作',
              width: 160,
              render: (_v, m) => (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={() => navigate(`/meetings/${m.id}`)}>
                    打开
                  </Button>
                  <Popconfirm title={`将“${m.title}”移入回收站？`} okText="删除" cancelText="取消" onConfirm={() => run(() => repos.deleteMeeting(m.id, actor), '已移入回收站')}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
        {data && data.deleted.length > 0 && (
          <Collapse
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'bin',
                label: `回收站（${data.deleted.length} 次会议）`,
                children: (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={data.deleted}
                    columns={[
                      { title: '会议', dataIndex: 'title' },
                      { title: '删除时间', dataIndex: 'deletedAt', width: 200, render: (t: string) => formatDateTime(t) },
                      {
                        title: '操作',
                        width: 100,
                        render: (_v, m) => (
                          <Button size="small" onClick={() => run(() => repos.restoreMeeting(m.id, actor), '已恢复')}>
                            恢复
                          </Button>
                        ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
      <CreateMeetingModal
        open={creating}
        unitId={unitId}
        previous={data?.meetings ?? []}
        onClose={(created) => {
          setCreating(false);
          if (created) navigate(`/meetings/${created.id}/roster`);
        }}
      />
    </Space>
  );
}
