import { Alert, Card, Checkbox, Col, Empty, Row, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { viewAuditWarnings } from '#shared/meeting/view';
import { lastAuditOf, overviewStatus, readinessState } from '#shared/supervision/summary';
import { rosterLabels } from '#shared/supervision/warnings';
import { useWorkbench } from '../../app/workbench-context';
import { useMeeting } from '../../meeting/meeting-context';
import { StatusTag } from '../../ui/StatusTag';
import { AuditForm } from './AuditForm';
import { AuditHistory } from './AuditHistory';
import { ExportAuditReport } from './ExportAuditReport';
import { WarningList } from './WarningList';
import { useProblemData } from '../../meeting/use-problem-data';
import { CoverageList } from '../../ui/CoverageList';
import { formatDateTime } from '#shared/util/dates';
import { talkCoverageSentence } from '#shared/talks/coverage';
import { usePreMeeting } from '../../meeting/use-pre-meeting';
import { useVerdictFingerprint } from '../../meeting/use-verdict-fingerprint';
import { ChecklistList } from '../../ui/ChecklistList';
import { MaterialReviewList } from '../../ui/MaterialReviewList';
import { TalkMatrixTable } from '../../ui/TalkMatrixTable';

/** 审核: what is missing and what looks copied or perfunctory, the verdict form, and every verdict so far. */
export function AuditTab() {
  const data = useMeeting();
  const { repos } = useWorkbench();
  const { meeting, members, readiness, unit, view } = data;
  const audits = useLiveQuery(() => repos.listAudits(meeting.id), [repos, meeting.id]);
  const findings = useLiveQuery(async () => (await repos.getCopyFindings(meeting.id)) ?? null, [repos, meeting.id]);
  const unitNames = useLiveQuery(async () => new Map((await repos.listUnits()).map((u) => [u.id, u.name])), [repos]);
  // A verdict judges the opinions and the pre-meeting records; the copy findings only the opinions.
  const fingerprint = useVerdictFingerprint();
  // Labels for showing the other side of a copy (its unit); the warnings' own words come from auditWarnings, as the verdict's check does.
  // The other side of a copy is named by its own member and position, not 其他会议的对象.
  const otherMeetings = useMemo(() => [...new Set((findings?.warnings ?? []).flatMap((w) => (w.b && w.b.meetingId !== meeting.id ? [w.b.meetingId] : [])))], [findings, meeting.id]);
  const otherMembers = useLiveQuery(() => repos.membersOfMeetings(otherMeetings), [repos, otherMeetings]);
  const labels = useMemo(
    () => rosterLabels(meeting.id, members, (id) => unitNames?.get(id) ?? '其他单位', otherMembers ?? []),
    [meeting.id, members, unitNames, otherMembers],
  );
  const warnings = useMemo(() => viewAuditWarnings(view, findings?.warnings), [findings, view]);
  const coverage = useProblemData(data)?.pd.coverage;
  const preMeeting = usePreMeeting();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const tick = (message: string, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(message);
      else next.delete(message);
      return next;
    });

  const lastAudit = lastAuditOf(audits ?? []);
  // The verdict fingerprint as a whole (no separate pre-meeting part); not stale while it loads.
  const state = overviewStatus({ readiness: readinessState(readiness), lastAudit, fingerprint: fingerprint ?? lastAudit?.fingerprint ?? '' });

  return (
    <Row gutter={12}>
      <Col span={14}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title="未达要求的项目">
            {readiness.messages.length === 0 ? (
              <Typography.Text type="success">各对象各类来源意见均已达到最低条数，没有零意见对象。</Typography.Text>
            ) : (
              <Space direction="vertical" size={4} data-testid="audit-shortfalls">
                {readiness.messages.map((m) => (
                  <Checkbox key={m} checked={ticked.has(m)} onChange={(e) => tick(m, e.target.checked)}>
                    {m}
                  </Checkbox>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title="意见回应情况（只征不用的可作为退回整改理由）" data-testid="audit-coverage">
            {coverage && (
              <CoverageList
                coverage={coverage}
                cite={(m) => (
                  <Checkbox checked={ticked.has(m)} onChange={(e) => tick(m, e.target.checked)}>
                    {m}
                  </Checkbox>
                )}
              />
            )}
          </Card>
          <Card
            size="small"
            title={`警示：雷同、抄袭与敷衍（${warnings.length} 条）`}
            extra={
              <Typography.Text type="secondary">
                {findings ? `跨单位检测于 ${formatDateTime(findings.scannedAt)}` : '尚未做跨单位雷同检测（在督导总览中检测）'}
              </Typography.Text>
            }
          >
            {findings && findings.fingerprint !== '' && findings.fingerprint !== view.fingerprint && (
              <Alert type="info" showIcon style={{ marginBottom: 8 }} message="跨单位检测之后本会议的数据有变化，疑似抄袭的结果可能已过时，可在督导总览中重新检测。" />
            )}
            <WarningList warnings={warnings} labels={labels} ticked={ticked} onTick={tick} />
          </Card>
          {preMeeting && (
            <Card size="small" title="会前准备" data-testid="audit-pre-meeting">
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                <ChecklistList checklist={preMeeting.checklist} ticked={ticked} onTick={tick} />
                <Typography.Text strong>{talkCoverageSentence(preMeeting.coverage)}</Typography.Text>
                {preMeeting.matrix.members.length > 0 && <TalkMatrixTable matrix={preMeeting.matrix} />}
                <Typography.Text strong>对照检查材料</Typography.Text>
                <MaterialReviewList reviews={preMeeting.reviews} ticked={ticked} onTick={tick} />
              </Space>
            </Card>
          )}
        </Space>
      </Col>
      <Col span={10}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small" title={`审核意见 · ${unit?.name ?? ''}`} extra={<StatusTag row={{ ...state, shortfallCount: readiness.messages.length }} />}>
            <AuditForm meetingId={meeting.id} readiness={readiness} fingerprint={fingerprint} ticked={ticked} onRecorded={() => setTicked(new Set())} />
          </Card>
          <Card
            size="small"
            title="审核记录（只增不改）"
            extra={audits && fingerprint !== undefined && <ExportAuditReport data={data} warnings={warnings} labels={labels} audits={audits} fingerprint={fingerprint} preMeeting={preMeeting} />}
          >
            {audits === undefined || fingerprint === undefined ? <Empty description="读取中" /> : <AuditHistory audits={audits} fingerprint={fingerprint} />}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
