import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Unit } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { UnitFormModal } from './UnitFormModal';

/** The start page: units and how many meetings each has. It reads no opinions. */
export function UnitsPage() {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const [editing, setEditing] = useState<Unit | 'new'>();
  const data = useLiveQuery(async () => {
    const [units, counts] = await Promise.all([repos.listUnits(), repos.meetingCounts()]);
    return units.map((u) => ({ ...u, meetingCount: counts.get(u.id) ?? 0 }));
  }, [repos]);

  return (
    <Card
      title="单位与会议"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建单位
        </Button>
      }
    >
      <Table
        rowKey="id"
        loading={data === undefined}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有单位。点击“新建单位”开始。" /> }}
        columns={[
          { title: '序号', width: 64, render: (_v, _r, i) => i + 1 },
          {
            title: '单位（班子）',
            dataIndex: 'name',
            render: (name: string, u) => (
              <Typography.Link href={`#/units/${u.id}`} strong>
                {name}
              </Typography.Link>
            ),
          },
          { title: '简称', dataIndex: 'shortName', width: 160 },
          { title: '督导组', dataIndex: 'supervisoryGroup', width: 160 },
          { title: '会议', dataIndex: 'meetingCount', width: 80, align: 'center' },
          {
            title: '操作',
            width: 260,
            render: (_v, u, i) => (
              <Space size={4}>
                <Button size="small" onClick={() => navigate(`/units/${u.id}`)}>
                  打开
                </Button>
                <Button size="small" onClick={() => setEditing(u)}>
                  修改
                </Button>
                <Button size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => run(() => repos.moveUnit(u.id, -1, actor))} />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label="下移"
                  disabled={i === (data?.length ?? 0) - 1}
                  onClick={() => run(() => repos.moveUnit(u.id, 1, actor))}
                />
                <Popconfirm title={`删除“${u.name}”？`} okText="删除" cancelText="取消" onConfirm={() => run(() => repos.deleteUnit(u.id, actor), '已删除')}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <UnitFormModal
        open={editing !== undefined}
        unit={editing === 'new' ? undefined : editing}
        onCancel={() => setEditing(undefined)}
        onSubmit={async (draft) => {
          const target = editing;
          const result = await run(
            () => (target === 'new' || target === undefined ? repos.createUnit(draft, actor).then(() => true) : repos.updateUnit(target.id, draft, actor).then(() => true)),
            '已保存',
          );
          return result === true;
        }}
      />
    </Card>
  );
}
