import { Alert, Modal, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES } from '#shared/package/format';
import { baseKey, type MergeAction, type MergePlan, type MergeTable, type Resolution } from '#shared/package/merge';
import type { MergeProgress } from '../../db/repos/merge-repo';
import { ConflictList } from './ConflictList';
import { UpdateList } from './UpdateList';

const ACTION_COLUMNS: Array<{ action: MergeAction; title: string }> = [
  { action: 'add', title: '新增' },
  { action: 'update', title: '更新' },
  { action: 'same', title: '无变化' },
  { action: 'keep', title: '保留本机（本机较新）' },
  { action: 'conflict', title: '冲突' },
];

/** What opening the packages will do, before anything is written; conflicts are resolved here. */
export function MergePreviewModal({
  plan,
  files,
  onCancel,
  onApply,
}: {
  plan: MergePlan;
  files: string[];
  onCancel: () => void;
  /** Writes the merge, reporting its progress (a county's package takes seconds). */
  onApply: (resolutions: Map<string, Resolution>, onProgress: MergeProgress) => Promise<boolean>;
}) {
  const [resolutions, setResolutions] = useState(new Map<string, Resolution>());
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState<number>();
  const open = plan.conflicts.length - plan.conflicts.filter((c) => resolutions.has(baseKey(c.table, c.id))).length;
  const rows = PACKAGE_TABLES.map((table) => ({ table, ...plan.counts[table] })).filter((r) => ACTION_COLUMNS.some((c) => r[c.action] > 0));
  const writes = PACKAGE_TABLES.reduce((n, t) => n + plan.counts[t].add + plan.counts[t].update, 0) + [...resolutions.values()].filter((r) => r === 'incoming').length;
  const nothing = writes === 0 && plan.conflicts.length === 0;

  return (
    <Modal
      open
      width={980}
      title="合并数据包预览"
      okText={nothing ? '无需合并' : `确认合并（写入 ${writes} 条）`}
      cancelText="取消"
      okButtonProps={{ disabled: open > 0 || nothing, loading: busy }}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        setPercent(0);
        const ok = await onApply(resolutions, (done, total) => setPercent(total === 0 ? 100 : Math.floor((done / total) * 100)));
        setBusy(false);
        setPercent(undefined);
        if (ok) onCancel();
      }}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Text type="secondary">数据包：{files.join('、')}。确认前不会写入任何内容；合并在一次操作中完成，出错时本机数据不变。</Typography.Text>
        {nothing && <Alert type="info" showIcon message="这些数据本机都已有，且内容相同：无需合并。" />}
        {plan.notes.map((n) => (
          <Alert key={n} type="warning" showIcon message={n} />
        ))}
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey="table"
          dataSource={rows}
          data-testid="merge-counts"
          columns={[
            { title: '类别', dataIndex: 'table', render: (t: MergeTable) => PACKAGE_TABLE_LABELS[t] },
            ...ACTION_COLUMNS.map((c) => ({
              title: c.title,
              dataIndex: c.action,
              align: 'center' as const,
              render: (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : c.action === 'conflict' ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            })),
          ]}
        />
        {plan.updates.length > 0 && <UpdateList updates={plan.updates} />}
        {plan.conflicts.length > 0 && <ConflictList conflicts={plan.conflicts} resolutions={resolutions} onChange={setResolutions} />}
        {open > 0 && <Typography.Text type="warning">还有 {open} 处冲突未选择，选择后才能合并。</Typography.Text>}
        {percent !== undefined && (
          <div data-testid="merge-progress">
            <Typography.Text>正在写入（写完后更新各次会议的汇总）…</Typography.Text>
            <Progress percent={percent} status="active" />
          </div>
        )}
      </Space>
    </Modal>
  );
}
