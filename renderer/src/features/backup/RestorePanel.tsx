import { Alert, App, Button, Descriptions, Input, Space, Steps, Tag } from 'antd';
import { useState } from 'react';
import { restoreRefusal, totalRows, type BackupManifest } from '#shared/backup/format';
import { useWorkbench } from '../../app/workbench-context';
import type { MadeBackup } from '../../backup-engine/backup-file';
import { type RestoreStage } from '../../db/repos/backup-repo';
import { UserError } from '../../lib/user-error';
import { desktop } from '../../desktop';
import { useAction } from '../../lib/use-action';
import { describeCounts, localTime, REASON_LABELS, tableLabel } from '../../lib/backup-labels';

export interface Candidate {
  /** Where the backup came from, for the user: a file name. */
  source: string;
  manifest: BackupManifest;
  payload: Uint8Array;
}

/** What a backup holds, shown before anything happens; then, if the user confirms, the restore. */
export function RestorePanel({ candidate, onDone }: { candidate: Candidate; onDone: () => void }) {
  const { repos, readOnlyReason, reloadSettings } = useWorkbench();
  const run = useAction();
  const { modal, message } = App.useApp();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { manifest } = candidate;
  const refusal = restoreRefusal(manifest, repos.schemaVersion);
  const web = desktop().kind === 'web';

  const keepCurrent = async (current: MadeBackup) => {
    const stored = await desktop().storeBackup({ reason: 'before-restore', data: current.bytes });
    if (!stored.ok) throw new UserError(`未能先备份当前数据（${stored.error.message}），为保护数据，未恢复。`);
  };

  const restore = async () => {
    setBusy(true);
    try {
      const data = await repos.prepareRestore(candidate, password);
      setFailure(data.ok ? undefined : data.error);
      if (!data.ok) return;
      setBusy(false);
      const confirm = modal.confirm({
        title: '用该备份替换本机的全部数据？',
        width: 520,
        content: `本机现有的单位、会议、意见建议等将被备份中的数据替换（备份时间 ${localTime(manifest.createdAt)}，意见建议 ${manifest.tables['opinions'] ?? 0} 条，全部数据共 ${totalRows(manifest)} 条记录）。恢复前会先备份当前数据${web ? '，并下载到本机' : '到自动备份文件夹'}。`,
        okText: '备份当前数据并恢复',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          const done = await run(async () => {
            await repos.restoreAll(data, keepCurrent, __APP_VERSION__, (stage) =>
              confirm.update({ title: '正在恢复，请勿关闭程序…', content: <RestoreSteps stage={stage} web={web} />, cancelButtonProps: { disabled: true } }),
            );
            await reloadSettings();
            return true;
          });
          if (done) {
            void message.success(`已恢复：${tableLabel('opinions')} ${manifest.tables['opinions'] ?? 0} 条`, 5);
            onDone();
          }
        },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="backup-summary">
      <Descriptions size="small" bordered column={2} title={`备份内容：${candidate.source}`}>
        <Descriptions.Item label="备份时间">{localTime(manifest.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="备份方式">{REASON_LABELS[manifest.reason]}</Descriptions.Item>
        <Descriptions.Item label="程序版本">{manifest.appVersion}</Descriptions.Item>
        <Descriptions.Item label="数据版本">{manifest.schemaVersion}</Descriptions.Item>
        <Descriptions.Item label="加密">{manifest.encryption ? <Tag color="blue">已加密（AES-256-GCM）</Tag> : '未加密'}</Descriptions.Item>
        <Descriptions.Item label="校验">
          <Tag color="green">完整，未被改动</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="包含" span={2}>
          {describeCounts(manifest.tables)}
        </Descriptions.Item>
      </Descriptions>
      {refusal && <Alert type="error" showIcon message={refusal} />}
      {readOnlyReason && <Alert type="warning" showIcon message={`只读模式下不能恢复：${readOnlyReason}`} />}
      {!refusal && !readOnlyReason && (
        <Space wrap>
          {manifest.encryption && (
            <Input.Password placeholder="备份密码" style={{ width: 220 }} value={password} onChange={(e) => setPassword(e.target.value)} aria-label="恢复密码" onPressEnter={restore} />
          )}
          <Button type="primary" danger loading={busy} onClick={restore}>
            恢复此备份…
          </Button>
        </Space>
      )}
      {failure && <Alert type="error" showIcon message={failure} data-testid="restore-failure" />}
    </Space>
  );
}

const STAGES: RestoreStage[] = ['backing-up', 'keeping', 'replacing'];

/** Where a restore is: it takes tens of seconds at county scale, so the user sees each step. */
function RestoreSteps({ stage, web }: { stage: RestoreStage; web: boolean }) {
  return (
    <Steps
      direction="vertical"
      size="small"
      current={STAGES.indexOf(stage)}
      style={{ marginTop: 12 }}
      items={[
        { title: '备份当前数据' },
        { title: web ? '下载当前数据的备份' : '保存到自动备份文件夹' },
        { title: '替换为备份中的数据', description: '一次完成：中途出错则本机数据保持不变' },
      ]}
    />
  );
}
