import { ExportOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { buildPackage } from '#shared/package/format';
import { nowIso, todayDate } from '#shared/util/ids';
import { safeFileName } from '#shared/documents/file-names';
import { useWorkbench } from '../../app/workbench-context';
import { desktop } from '../../desktop';
import { unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';

/** Exports all data, or the chosen units, as one exchange package file. */
export function ExportPackageCard() {
  const { repos } = useWorkbench();
  const run = useAction();
  const units = useLiveQuery(() => repos.listUnits(), [repos]);
  const [selected, setSelected] = useState<string[]>([]);

  const exportPackage = (unitIds?: string[]) =>
    run(async () => {
      const content = await repos.exportContent(unitIds);
      const version = await desktop().appVersion();
      const data = buildPackage(content, { appVersion: version.ok ? version.value : __APP_VERSION__, exportedAt: nowIso() });
      const stamp = todayDate().replace(/-/g, '');
      const chosen = (units ?? []).filter((u) => unitIds?.includes(u.id));
      const label = unitIds === undefined ? '全部数据' : chosen.length === 1 ? chosen[0]!.name : `${chosen.length}个单位`;
      const name = `${safeFileName(`${label}-${stamp}`)}.mzsh.json`;
      const saved = unwrap(await desktop().saveFile({ suggestedName: name, filters: [{ name: '数据交换包', extensions: ['json'] }], data }));
      return saved.saved ? `已导出数据包“${name}”：${content.units.length} 个单位、${content.opinions.length} 条意见` : '';
    }, (m) => m || '已取消导出');

  return (
    <Card
      title="导出数据包"
      extra={
        <Space>
          <Button icon={<ExportOutlined />} disabled={selected.length === 0} onClick={() => void exportPackage(selected)}>
            导出所选单位（{selected.length}）
          </Button>
          <Button type="primary" icon={<ExportOutlined />} disabled={!units || units.length === 0} onClick={() => void exportPackage()}>
            导出全部数据
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        数据包（*.mzsh.json）包含所选单位的会议、班子成员、全部意见（含回收站中的）、审核记录和变更记录，附有校验码，可发送给组织部门或督导组。数据包含意见提出方，请妥善保管。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={units === undefined}
        dataSource={units}
        pagination={false}
        locale={{ emptyText: '本机还没有单位，暂无可导出的数据' }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: '单位（班子）', dataIndex: 'name' },
          { title: '督导组', dataIndex: 'supervisoryGroup', width: 200 },
        ]}
      />
    </Card>
  );
}
