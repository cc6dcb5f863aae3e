import { Alert, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Readiness } from '#shared/checks/readiness';
import type { Verdict } from '#shared/model/types';
import { MIN_OVERRIDE_REASON, overrideReasonEnough, VERDICT_LABELS } from '#shared/supervision/audit';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';

/**
 * The verdict form: 通过 or 退回整改, the reasons, the problems ticked in the list beside it, the
 * auditor. Passing a meeting that is not ready asks for an override reason, which is recorded.
 * The repository checks the same rules again against the data as it is when the verdict is written.
 */
export function AuditForm({
  meetingId,
  readiness,
  fingerprint,
  ticked,
  onRecorded,
}: {
  meetingId: string;
  readiness: Readiness;
  /** What the supervisor is shown (verdictFingerprint); undefined while it loads, and nothing can be recorded. */
  fingerprint: string | undefined;
  ticked: ReadonlySet<string>;
  onRecorded: () => void;
}) {
  const { repos, actor, settings } = useWorkbench();
  const run = useAction();
  const [verdict, setVerdict] = useState<Verdict>();
  const [reasons, setReasons] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [auditor, setAuditor] = useState(settings.operatorName);
  const [busy, setBusy] = useState(false);
  const needsOverride = verdict === 'pass' && !readiness.ready;

  const submit = async () => {
    if (!verdict || fingerprint === undefined) return;
    setBusy(true);
    const audit = await run(
      () => repos.recordAudit(meetingId, { verdict, auditor, reasons, ticked: [...ticked], overrideReason }, { actor, expectedFingerprint: fingerprint }),
      (a) => `已记录审核结论：${VERDICT_LABELS[a.verdict]}`,
    );
    setBusy(false);
    if (audit) {
      setVerdict(undefined);
      setReasons('');
      setOverrideReason('');
      onRecorded();
    }
  };

  return (
    <Space direction="vertical" size={10} style={{ width: '100%' }} data-testid="audit-form">
      <Space>
        <Typography.Text strong>审核结论</Typography.Text>
        <Radio.Group
          value={verdict}
          onChange={(e) => setVerdict(e.target.value as Verdict)}
          optionType="button"
          buttonStyle="solid"
          aria-label="审核结论"
          options={[
            { label: VERDICT_LABELS.pass, value: 'pass' },
            { label: VERDICT_LABELS.return, value: 'return' },
          ]}
        />
      </Space>
      {!readiness.ready && verdict === 'pass' && (
        <Alert
          type="warning"
          showIcon
          message={`该会议还有 ${readiness.messages.length} 项未达要求`}
          description={`按规定不得召开。如确需通过，请在下面写明破例通过的理由（至少 ${MIN_OVERRIDE_REASON} 个字），理由将记入审核记录。`}
        />
      )}
      {needsOverride && (
        <Input.TextArea aria-label="破例通过理由" placeholder="破例通过的理由" autoSize={{ minRows: 2, maxRows: 6 }} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} />
      )}
      <Input.TextArea aria-label="审核理由" placeholder="审核意见和理由（退回整改时说明需要整改的内容）" autoSize={{ minRows: 3, maxRows: 8 }} value={reasons} onChange={(e) => setReasons(e.target.value)} />
      <Typography.Text type="secondary">已勾选问题 {ticked.size} 项（在左侧清单中勾选）</Typography.Text>
      <Space>
        <Typography.Text>审核人</Typography.Text>
        <Input aria-label="审核人" style={{ width: 220 }} value={auditor} onChange={(e) => setAuditor(e.target.value)} />
      </Space>
      <Button type="primary" disabled={!verdict || fingerprint === undefined || (needsOverride && !overrideReasonEnough(overrideReason))} loading={busy} onClick={submit}>
        记录审核结论
      </Button>
    </Space>
  );
}
