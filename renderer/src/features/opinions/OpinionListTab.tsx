import { Button, Card, Input, Popconfirm, Select, Space, Table, Typography, App } from 'antd';
import { useMemo, useState } from 'react';
import { byEntry } from '#shared/checks/opinion-flags';
import { isListed } from '#shared/documents/meeting-docs';
import { compareKey } from '#shared/text/normalize';
import type { Opinion } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { OpinionEditModal } from './OpinionEditModal';
import { OpinionText } from '../../ui/OpinionText';
import { originLabel } from './origin-label';
import { isPaperOrigin } from '#shared/ocr/preview-rows';
import { PaperOriginalModal } from './PaperOriginal';

type FlagFilter = 'all' | 'counted' | 'notCounted' | 'warned';

/** All live opinions of a meeting: filter, edit, delete to the recycle bin (with undo). */
export function OpinionListTab({ query }: { query: URLSearchParams }) {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { message } = App.useApp();
  const { meeting, opinions, flags, targets, targetLabels } = data;
  const [target, setTarget] = useState<string | undefined>(query.get('target') ?? undefined);
  const [category, setCategory] = useState<string | undefined>(query.get('category') ?? undefined);
  const [channel, setChannel] = useState<string>();
  const [flagFilter, setFlagFilter] = useState<FlagFilter>('all');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Opinion>();
  const [original, setOriginal] = useState<Opinion>();

  const rows = useMemo(() => {
    const needle = compareKey(search);
    const targetOrder = new Map(targets.map((t, i) => [t.id, i]));
    const categoryOrder = new Map(meeting.ruleSet.categories.map((c, i) => [c, i]));
    return opinions
      .filter((o) => {
        if (target && o.targetId !== target) return false;
        if (category && o.category !== category) return false;
        if (channel && o.channel !== channel) return false;
        const f = flags.get(o.id);
        if (flagFilter === 'counted' && !isListed(f)) return false;
        if (flagFilter === 'notCounted' && isListed(f)) return false;
        if (flagFilter === 'warned' && !(f?.praiseOnly || f?.tooShort)) return false;
        if (needle && !compareKey(`${o.content} ${o.provider}`).includes(needle)) return false;
        return true;
      })
      .sort(
        (a, b) =>
          (targetOrder.get(a.targetId) ?? 999) - (targetOrder.get(b.targetId) ?? 999) ||
          (categoryOrder.get(a.category) ?? 999) - (categoryOrder.get(b.category) ?? 999) ||
          byEntry(a, b),
      );
  }, [opinions, flags, targets, meeting.ruleSet.categories, target, category, channel, flagFilter, search]);

  const remove = async (ids: string[]) => {
    const n = await run(() => repos.deleteOpinions(ids, actor));
    if (n === undefined) return;
    setSelected((s) => s.filter((id) => !ids.includes(id)));
    const key = `deleted-${Date.now()}`;
    void message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <span>
          已将 {n} 条意见移入回收站{' '}
          <a
            onClick={() => {
              message.destroy(key);
              void run(() => repos.restoreOpinions(ids, actor), '已撤销删除');
            }}
          >
            撤销
          </a>
        </span>
      ),
    });
  };

  const options = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="意见对象" style={{ width: 200 }} value={target} onChange={setTarget} options={targets.map((t) => ({ value: t.id, label: t.label }))} aria-label="按意见对象筛选" />
        <Select allowClear placeholder="意见来源" style={{ width: 130 }} value={category} onChange={setCategory} options={options(meeting.ruleSet.categories)} aria-label="按意见来源筛选" />
        <Select allowClear placeholder="征求方式" style={{ width: 150 }} value={channel} onChange={setChannel} options={options(meeting.ruleSet.channels)} aria-label="按征求方式筛选" />
        <Select
          style={{ width: 150 }}
          value={flagFilter}
          onChange={setFlagFilter}
          options={[
            { value: 'all', label: '全部意见' },
            { value: 'counted', label: '计入条数的' },
            { value: 'notCounted', label: '不计数的（无实质/重复）' },
            { value: 'warned', label: '有提示的（仅表扬/过短）' },
          ]}
        />
        <Input.Search allowClear placeholder="搜索内容或提出方" style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label="搜索意见" />
        <Typography.Text type="secondary">共 {rows.length} 条</Typography.Text>
        {/* The table selects a page at a time; this selects every opinion the filters match, on all pages. */}
        <Button onClick={() => setSelected(rows.map((o) => o.id))} disabled={rows.length === 0} data-testid="select-all-filtered">
          全选筛选结果（{rows.length}）
        </Button>
        {selected.length > 0 && <Button onClick={() => setSelected([])}>取消选择</Button>}
        <Popconfirm title={`将选中的 ${selected.length} 条意见移入回收站？`} okText="删除" cancelText="取消" onConfirm={() => remove(selected)} disabled={selected.length === 0}>
          <Button danger disabled={selected.length === 0}>
            删除选中（{selected.length}）
          </Button>
        </Popconfirm>
      </Space>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: '序号', width: 60, render: (_v, _o, i) => i + 1 },
          { title: '意见对象', dataIndex: 'targetId', width: 150, render: (id: string) => targetLabels.get(id) ?? '（已移除的成员）' },
          { title: '来源', dataIndex: 'category', width: 90 },
          { title: '方式', dataIndex: 'channel', width: 100 },
          { title: '意见内容', dataIndex: 'content', render: (c: string, o) => <OpinionText content={c} flags={flags.get(o.id)} /> },
          { title: '所属方面', dataIndex: 'dimension', width: 140, ellipsis: true },
          { title: '提出方', dataIndex: 'provider', width: 110, ellipsis: true },
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          {
            title: '来由',
            dataIndex: 'origin',
            width: 110,
            ellipsis: true,
            // A paper form's opinion offers its 原件 (the cell's picture, read only when opened).
            render: (origin: Opinion['origin'], o) =>
              isPaperOrigin(origin) ? (
                <span title={originLabel(origin)}>
                  <a onClick={() => setOriginal(o)} data-testid="show-original">
                    原件
                  </a>{' '}
                  {originLabel(origin)}
                </span>
              ) : (
                originLabel(origin)
              ),
          },
          {
            title: '操作',
            width: 110,
            render: (_v, o) => (
              <Space size={4}>
                <a onClick={() => setEditing(o)}>修改</a>
                <Popconfirm title="将这条意见移入回收站？" okText="删除" cancelText="取消" onConfirm={() => remove([o.id])}>
                  <a style={{ color: '#d32f2f' }}>删除</a>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <OpinionEditModal opinion={editing} data={data} onClose={() => setEditing(undefined)} />
      <PaperOriginalModal opinion={original} onClose={() => setOriginal(undefined)} />
    </Card>
  );
}
