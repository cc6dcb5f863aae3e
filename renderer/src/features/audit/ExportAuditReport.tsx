import { FileWordOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { auditReportFileName } from '#shared/documents/audit-docs';
import { meetingDocs } from '../../meeting/use-meeting-docs';
import type { FontMode } from '#shared/documents/word/layout';
import { auditReportDocx } from '#shared/documents/word/audit-report-docx';
import type { Audit } from '#shared/model/types';
import type { MeetingWarning, WarningLabels } from '#shared/supervision/warnings';
import type { PreMeetingReview } from '#shared/supervision/pre-meeting-review';
import { todayDate } from '#shared/util/ids';
import { desktop } from '../../desktop';
import { nextPaint, unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import type { MeetingData } from '../../meeting/use-meeting-data';

/** 导出督导审核意见: the Word report of this meeting's audit (GB/T 9704 layout; providers never named). */
export function ExportAuditReport({
  data,
  warnings,
  labels,
  audits,
  fingerprint,
  preMeeting,
}: {
  data: MeetingData;
  warnings: MeetingWarning[];
  labels: WarningLabels;
  audits: Audit[];
  fingerprint: string;
  preMeeting?: PreMeetingReview;
}) {
  const run = useAction();
  const [mode, setMode] = useState<FontMode>('official');
  const [busy, setBusy] = useState(false);
  const exportReport = () =>
    run(async () => {
      setBusy(true);
      try {
        await nextPaint();
        const docs = meetingDocs(data);
        const bytes = await auditReportDocx({ docs, warnings, labels, audits, fingerprint, preMeeting }, { mode, date: todayDate() });
        const name = auditReportFileName(docs);
        const saved = unwrap(await desktop().saveFile({ suggestedName: name, filters: [{ name: 'Word 文档', extensions: ['docx'] }], data: bytes }));
        return saved.saved ? `已导出“${name}”` : '已取消导出';
      } finally {
        setBusy(false);
      }
    }, (m) => m);
  return (
    <Space size={4}>
      <Select<FontMode>
        size="small"
        value={mode}
        onChange={setMode}
        style={{ width: 108 }}
        aria-label="字体"
        options={[
          { value: 'official', label: '公文字体' },
          { value: 'compatible', label: '兼容字体' },
        ]}
      />
      <Button size="small" icon={<FileWordOutlined />} loading={busy} onClick={() => void exportReport()} data-testid="export-audit-report">
        导出督导审核意见
      </Button>
    </Space>
  );
}
