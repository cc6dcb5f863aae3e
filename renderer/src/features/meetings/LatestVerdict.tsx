import { Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { isAuditStale, VERDICT_LABELS } from '#shared/supervision/audit';
import { latestAudit } from '#shared/supervision/summary';
import { todayDate } from '#shared/util/ids';
import { useWorkbench } from '../../app/workbench-context';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { useVerdictFingerprint } from '../../meeting/use-verdict-fingerprint';

/**
 * The latest supervisory verdict in the meeting's header, where staff work: 退回整改 with its
 * reasons, and whether the data changed since (then the verdict judged other data).
 */
export function LatestVerdict() {
  const { repos } = useWorkbench();
  const { meeting } = useMeeting();
  const audits = useLiveQuery(() => repos.listAudits(meeting.id), [repos, meeting.id]);
  const fingerprint = useVerdictFingerprint();
  const last = audits && latestAudit(audits);
  if (!last) return null;
  const stale = fingerprint !== undefined && isAuditStale(last, fingerprint);
  const reasons = [last.reasons, ...last.ticked].filter((r) => r.trim() !== '');
  const date = todayDate(new Date(last.at));
  return (
    <span data-testid="latest-verdict" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, maxWidth: 640 }}>
      <Tag color={last.verdict === 'return' ? 'volcano' : 'green'} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={() => navigate(`/meetings/${meeting.id}/audit`)}>
        督导：{VERDICT_LABELS[last.verdict]}（{date}）
      </Tag>
      {stale && <Tag color="gold">审核后数据已变更</Tag>}
      {last.verdict === 'return' && reasons.length > 0 && (
        <Tooltip title={<ul style={{ margin: 0, paddingLeft: 16 }}>{reasons.map((r) => <li key={r}>{r}</li>)}</ul>}>
          <Typography.Text type="danger" ellipsis style={{ maxWidth: 420 }} data-testid="latest-verdict-reasons">
            {reasons.join('；')}
          </Typography.Text>
        </Tooltip>
      )}
    </span>
  );
}
