import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { MAX_PACKAGE_BYTES, readPackage, type ExchangePackage } from '#shared/package/format';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import { formatDateTime } from '#shared/util/dates';

/** A package read from disk and checked (checksum, version, every field, every reference). */
export interface OpenedPackage {
  file: string;
  package: ExchangePackage;
}

/**
 * Opens a package file, checks it, and shows what it holds; a bad file is refused with the
 * reason. What can be done with a good one is `renderActions` (opening into an empty workbench,
 * or merging into existing data).
 */
export function OpenPackagePanel({ renderActions }: { renderActions: (opened: OpenedPackage, done: () => void) => ReactNode }) {
  const run = useAction();
  const [opened, setOpened] = useState<OpenedPackage>();
  const [error, setError] = useState<{ file: string; message: string }>();
  const [checking, setChecking] = useState(false);

  const choose = () =>
    run(async () => {
      const result = unwrap(await desktop().openFile({ filters: [{ name: '数据交换包', extensions: ['json'] }], maxBytes: MAX_PACKAGE_BYTES }));
      const file = result.files[0];
      if (!file) return;
      setOpened(undefined);
      setError(undefined);
      setChecking(true);
      await nextPaint();
      try {
        const read = readPackage(file.data);
        if (read.ok) setOpened({ file: file.name, package: read.package });
        else setError({ file: file.name, message: read.error });
      } finally {
        setChecking(false);
      }
    });
  const done = () => setOpened(undefined);

  return (
    <Card title="打开数据包" extra={<Button icon={<FolderOpenOutlined />} onClick={() => void choose()}>选择数据包文件…</Button>}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">打开其他电脑导出的数据包（*.mzsh.json）。文件会先经过校验：被改动、不完整或版本不符的数据包会被拒绝，本机数据不会改变。</Typography.Text>
        {checking && (
          <Space>
            <Spin /> 正在校验数据包…
          </Space>
        )}
        {error && <Alert type="error" showIcon data-testid="package-error" message={`无法打开“${error.file}”`} description={error.message} />}
        {opened && (
          <>
            <PackageSummary opened={opened} />
            {renderActions(opened, done)}
          </>
        )}
      </Space>
    </Card>
  );
}

/** What a checked package holds. */
export function PackageSummary({ opened }: { opened: OpenedPackage }) {
  const { content, exportedAt, appVersion } = opened.package;
  const live = <T extends { deletedAt?: string }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt).length;
  return (
    <Descriptions size="small" bordered column={2} data-testid="package-summary" title={`“${opened.file}”校验通过`}>
      <Descriptions.Item label="单位">{content.units.filter((u) => !u.deletedAt).map((u) => u.name).join('、') || '无'}</Descriptions.Item>
      <Descriptions.Item label="导出时间">{formatDateTime(exportedAt)}（工作台 {appVersion}）</Descriptions.Item>
      <Descriptions.Item label="会议">{live(content.meetings)} 次</Descriptions.Item>
      <Descriptions.Item label="班子成员">{live(content.members)} 人</Descriptions.Item>
      <Descriptions.Item label="意见">
        {live(content.opinions)} 条{content.opinions.length > live(content.opinions) && `（另有回收站中 ${content.opinions.length - live(content.opinions)} 条）`}
      </Descriptions.Item>
      <Descriptions.Item label="审核记录">{content.audits.length} 条</Descriptions.Item>
    </Descriptions>
  );
}
