import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { safeFileName } from '#shared/documents/file-names';
import { desktop } from '../../desktop';
import { unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import type { MeetingData } from '../../meeting/use-meeting-data';

/** Generates the meeting's import template (.xlsx, drop-down lists) and saves it. ExcelJS is loaded only now. */
export function TemplateButton({ data }: { data: MeetingData }) {
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const { meeting, unit, members } = data;

  const save = async () => {
    setBusy(true);
    try {
      await run(async () => {
        const { buildTemplate } = await import('#shared/import/template');
        const bytes = await buildTemplate({ unitName: unit?.name ?? '', meeting, members });
        const name = `${safeFileName(`${unit?.shortName || unit?.name || '单位'}-${meeting.title}-征求意见导入模板`)}.xlsx`;
        return unwrap(await desktop().saveFile({ suggestedName: name, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], data: bytes }));
      }, (r) => (r.saved ? '已生成导入模板' : '已取消'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title="按本次会议的班子成员、意见来源和征求方式生成带下拉列表的 Excel 模板，发给各单位填写后导入">
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void save()} data-testid="import-template">
        下载导入模板
      </Button>
    </Tooltip>
  );
}
