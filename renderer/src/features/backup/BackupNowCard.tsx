import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_EXTENSION } from '#shared/backup/format';
import { useWorkbench } from '../../app/workbench-context';
import { UserError } from '../../lib/user-error';
import { desktop } from '../../desktop';
import { unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import { validFields } from '../../lib/valid-fields';
import { fileStamp, tableLabel } from '../../lib/backup-labels';

export const BACKUP_FILTERS = [{ name: '工作台备份', extensions: [BACKUP_EXTENSION.slice(1)] }];

/** A backup of everything to a file the user chooses, optionally protected by a password. */
export function BackupNowCard() {
  const { repos } = useWorkbench();
  const run = useAction();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string; confirm?: string }>();
  const [busy, setBusy] = useState(false);

  const backUp = async () => {
    const fields = await validFields(form);
    if (!fields) return;
    const { password = '', confirm = '' } = fields;
    setBusy(true);
    try {
      const done = await run(async () => {
        if (password !== confirm) throw new UserError('两次输入的密码不一致');
        const made = await repos.createBackupOffThread({
          appVersion: __APP_VERSION__,
          reason: 'manual',
          password,
        });
        const saved = unwrap(
          await desktop().saveFile({
            suggestedName: `民主生活会工作台备份-${fileStamp()}${BACKUP_EXTENSION}`,
            filters: BACKUP_FILTERS,
            data: made.bytes,
          }),
        );
        if (!saved.saved) return undefined;
        form.resetFields();
        const opinions = made.manifest.tables['opinions'] ?? 0;
        return `已备份到“${saved.path}”：${tableLabel('units')} ${made.manifest.tables['units'] ?? 0} 个，${tableLabel('opinions')} ${opinions} 条${password ? '（已加密）' : ''}`;
      });
      if (done) void message.success(done, 5);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="立即备份" size="small">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        把本机的全部数据（单位、会议、班子成员、意见建议、审核记录、变更记录和设置）保存为一个备份文件。可设置密码：忘记密码将无法恢复。
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={backUp}>
        <Form.Item name="password" label="密码（可选）">
          <Input.Password style={{ width: 200 }} maxLength={128} autoComplete="new-password" aria-label="备份密码" />
        </Form.Item>
        <Form.Item name="confirm" label="确认密码">
          <Input.Password style={{ width: 200 }} maxLength={128} autoComplete="new-password" aria-label="确认备份密码" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            备份到文件…
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
