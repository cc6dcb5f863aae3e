import { Alert, Button, Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AutoBackupInfo } from '#shared/ipc/contract';
import { desktop } from '../../desktop';
import { fileSize, localTime, REASON_LABELS } from '../../lib/backup-labels';

/** The automatic backups main keeps in its folder (desktop only), each one restorable. */
export function AutoBackupsCard({ onPick }: { onPick: (backup: AutoBackupInfo) => void }) {
  const api = desktop();
  const [state, setState] = useState<{ folder: string; backups: AutoBackupInfo[] } | { error: string }>();

  const load = useCallback(async () => {
    const listed = await api.listBackups();
    setState(listed.ok ? listed.value : { error: listed.error.message });
  }, [api]);

  useEffect(() => {
    if (api.kind === 'electron') void load();
  }, [api, load]);

  if (api.kind !== 'electron') {
    return (
      <Card title="自动备份" size="small">
        <Alert
          type="info"
          showIcon
          message="自动备份是桌面版的功能"
          description="桌面版每 30 分钟、关闭窗口时、升级数据格式前和恢复备份前，都会自动把全部数据备份到本机的数据文件夹，并保留最近 10 份和近 30 天每天一份。当前是网页版，数据保存在浏览器中：请定期使用“立即备份”保存到文件。"
        />
      </Card>
    );
  }

  return (
    <Card title="自动备份" size="small" extra={<Button onClick={() => void load()}>刷新</Button>}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        每 30 分钟、关闭窗口时、升级数据格式前和恢复备份前自动备份；保留最近 10 份，以及近 30 天每天最后一份。
        {state && 'folder' in state && <> 位置：{state.folder}</>}
      </Typography.Paragraph>
      {state && 'error' in state && <Alert type="error" showIcon message={state.error} />}
      <Table
        size="small"
        rowKey="name"
        loading={state === undefined}
        dataSource={state && 'backups' in state ? state.backups : []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有自动备份' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => localTime(v) },
          { title: '原因', dataIndex: 'reason', render: (r: AutoBackupInfo['reason']) => REASON_LABELS[r] },
          { title: '大小', dataIndex: 'size', render: (n: number) => fileSize(n) },
          {
            title: '操作',
            width: 100,
            render: (_v, backup) => (
              <Button size="small" onClick={() => onPick(backup)}>
                查看并恢复
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
