import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { MAX_BACKUP_BYTES } from '#shared/backup/format';
import type { AutoBackupInfo } from '#shared/ipc/contract';
import { openBackupFile } from '../../backup-engine/backup-file';
import { desktop } from '../../desktop';
import { AutoBackupsCard } from './AutoBackupsCard';
import { BACKUP_FILTERS, BackupNowCard } from './BackupNowCard';
import { RestorePanel, type Candidate } from './RestorePanel';

/** 备份与恢复: back up now, the automatic backups (desktop), and restoring from a file. */
export function BackupPage() {
  const { message } = App.useApp();
  const [candidate, setCandidate] = useState<Candidate>();
  const [problem, setProblem] = useState<{ source: string; error: string }>();

  const consider = (source: string, data: Uint8Array) => {
    const opened = openBackupFile(data);
    if (opened.ok) {
      setProblem(undefined);
      setCandidate({ source, manifest: opened.manifest, payload: opened.payload });
    } else {
      setCandidate(undefined);
      setProblem({ source, error: opened.error });
    }
  };

  const chooseFile = async () => {
    const picked = await desktop().openFile({ filters: BACKUP_FILTERS, maxBytes: MAX_BACKUP_BYTES });
    if (!picked.ok) return void message.error(picked.error.message, 6);
    const [file] = picked.value.files;
    if (file) consider(file.name, file.data);
  };

  const pickAutomatic = async (backup: AutoBackupInfo) => {
    const read = await desktop().readBackup({ name: backup.name });
    if (!read.ok) return void message.error(read.error.message, 6);
    consider(read.value.name, read.value.data);
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        备份与恢复
      </Typography.Title>
      <BackupNowCard />
      <AutoBackupsCard onPick={(b) => void pickAutomatic(b)} />
      <Card title="从备份恢复" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            先显示备份的内容和时间，确认后才恢复；损坏、被改动或由更新版本创建的备份不能恢复。恢复会替换本机全部数据，恢复前自动备份当前数据。
          </Typography.Paragraph>
          <Button onClick={() => void chooseFile()}>选择备份文件…</Button>
          {problem && <Alert type="error" showIcon message={`“${problem.source}”不能恢复`} description={problem.error} data-testid="backup-problem" />}
          {candidate && <RestorePanel key={`${candidate.source}-${candidate.manifest.payload.sha256}`} candidate={candidate} onDone={() => setCandidate(undefined)} />}
        </Space>
      </Card>
    </Space>
  );
}
