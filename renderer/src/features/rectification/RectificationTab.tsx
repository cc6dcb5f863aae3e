import { Alert, Card, Col, Empty, Progress, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { carriedRefusal } from '#shared/ledger/deadlines';
import { ledgerRows, ledgerSummary, type LedgerRow } from '#shared/ledger/view';
import { LEDGER_STATUS_LABELS, LEDGER_STATUSES, type LedgerStatus } from '#shared/model/ledger';
import { GROUP_LABEL, GROUP_TARGET } from '#shared/model/types';
import { repeatedProblems, repeatText } from '#shared/problems/repeat';
import { today } from '#shared/util/clock';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import { useMeeting } from '../../meeting/meeting-context';
import { CarryOverCard } from './CarryOverCard';
import { ClosureModal, ReturnModal } from './ClosureModal';
import { LedgerTable } from './LedgerTable';
import { ProgressDrawer } from './ProgressDrawer';
import { RegisterCard } from './RegisterCard';

const ALL = '__all__';
type DeadlineFilter = typeof ALL | 'overdue' | 'due-soon';

/**
 * 整改: the meeting's 整改台账 — 挂号 of its problem items, each item's status, time limit and
 * progress, the moves the status machine allows (销号 with its evidence), figures per target, and
 * 回头看 of last year's open items. Overdue is judged on the domain clock's today.
 */
export function RectificationTab({ query }: { query: URLSearchParams }) {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const meetingId = data.meeting.id;
  const loaded = useLiveQuery(async () => {
    const [ledger, offer, previous] = await Promise.all([repos.listLedger(meetingId), repos.carryOverOffer({ meetingId }), repos.previousProblems(meetingId)]);
    return { ledger, offer, previous };
  }, [repos, meetingId]);
  const [target, setTarget] = useState<string>(ALL);
  const [status, setStatus] = useState<LedgerStatus | typeof ALL>(ALL);
  const asked = query.get('deadline') === 'overdue' ? 'overdue' : undefined;
  const [deadline, setDeadline] = useState<DeadlineFilter>(asked ?? ALL);
  // The header's 整改逾期 link asks for the overdue items, also while the tab is open.
  useEffect(() => {
    if (asked) setDeadline(asked);
  }, [asked]);
  const [closing, setClosing] = useState<LedgerRow>();
  const [returning, setReturning] = useState<LedgerRow>();
  const [openId, setOpenId] = useState<string>();

  // The group has a ledger even where it is no opinion target.
  const targets = useMemo(() => (data.targets.some((t) => t.id === GROUP_TARGET) ? data.targets : [{ id: GROUP_TARGET, label: GROUP_LABEL }, ...data.targets]), [data.targets]);
  const day = today();
  const view = useMemo(() => {
    if (!loaded) return undefined;
    const { ledger, previous } = loaded;
    const rows = ledgerRows({ entries: ledger.entries, carriedOut: ledger.carriedOut, problems: ledger.problems, progress: ledger.progress, targets, today: day });
    const before = new Map(previous.map((p) => [p.id, p]));
    const repeats = new Map([...repeatedProblems(ledger.problems, previous)].map(([id, flag]) => [id, repeatText(flag, before.get(flag.previousId)!)]));
    const registered = new Set(ledger.entries.filter((e) => !e.deletedAt).map((e) => e.problemId));
    const order = new Map(targets.map((t, i) => [t.id, i]));
    const unregistered = ledger.problems.filter((p) => !registered.has(p.id)).sort((a, b) => (order.get(a.targetId) ?? 1e9) - (order.get(b.targetId) ?? 1e9) || a.order - b.order);
    // 已结转 items take no writes here: why, and where they are handled now.
    const locks = new Map(rows.flatMap((r) => (r.state === 'carried' && ledger.carriedTo.has(r.entry.id) ? [[r.entry.id, carriedRefusal(ledger.carriedTo.get(r.entry.id)!)] as const] : [])));
    return { rows, summary: ledgerSummary(rows, targets), repeats, unregistered, locks };
  }, [loaded, targets, day]);

  if (!loaded || !view) return <Spin />;
  const { rows, summary, repeats, unregistered, locks } = view;
  const shown = rows.filter((r) => (target === ALL || r.entry.targetId === target) && (status === ALL || (r.entry.status === status && r.state !== 'carried')) && (deadline === ALL || r.deadline.kind === deadline));
  const opened = openId ? rows.find((r) => r.entry.id === openId) : undefined;
  const labels = new Map(targets.map((t) => [t.id, t.label]));

  const move = (row: LedgerRow, to: LedgerStatus) => {
    if (to === 'closed') setClosing(row);
    else if (row.entry.status === 'closure-requested' && to === 'in-progress') setReturning(row);
    else void run(() => repos.changeLedgerStatus(row.entry.id, { to }, actor), `${row.entry.accountNumber} 已改为“${LEDGER_STATUS_LABELS[to]}”`);
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {loaded.offer && <CarryOverCard meetingId={meetingId} offer={loaded.offer} />}
      <Card
        size="small"
        title="整改台账"
        extra={
          <Typography.Link onClick={() => navigate(`/meetings/${meetingId}/exports`)}>导出整改清单、整改落实情况报告和整改台账</Typography.Link>
        }
      >
        {summary.items === 0 ? (
          <Empty description={unregistered.length > 0 ? '查摆问题尚未挂号：在下方选择问题挂号，一个问题一个账号。' : '尚无查摆问题。先在查摆问题中列出问题，五个明确齐全后在这里挂号。'} />
        ) : (
          <Row gutter={[24, 12]}>
            <Col flex="none">
              <Space size={24} wrap data-testid="ledger-figures">
                <Statistic title="挂号" value={summary.items} suffix="项" />
                <Statistic title="已销号" value={summary.byStatus.closed} suffix="项" valueStyle={{ color: '#389e0d' }} />
                <Statistic title="整改中" value={summary.byStatus['in-progress'] + summary.byStatus['closure-requested']} suffix="项" />
                <Statistic title="长期坚持" value={summary.byStatus.ongoing} suffix="项" />
                {summary.carried > 0 && <Statistic title="已结转下一年度" value={summary.carried} suffix="项" data-testid="ledger-carried" />}
                <Statistic title="逾期" value={summary.overdue} suffix="项" valueStyle={summary.overdue > 0 ? { color: '#cf1322' } : undefined} />
                <Statistic title="7日内到期" value={summary.dueSoon} suffix="项" valueStyle={summary.dueSoon > 0 ? { color: '#d46b08' } : undefined} />
                <Statistic title="销号率" value={summary.closedPercent} suffix="%" />
              </Space>
            </Col>
            <Col flex="auto">
              <Space direction="vertical" size={2} style={{ width: '100%' }} data-testid="target-progress">
                {summary.targets.map((t) => (
                  <Row key={t.targetId} gutter={8} align="middle" wrap={false}>
                    <Col flex="150px">
                      <Typography.Text ellipsis>{t.label}</Typography.Text>
                    </Col>
                    <Col flex="auto">
                      <Progress percent={t.closedPercent} size="small" status={t.overdue > 0 ? 'exception' : undefined} format={() => `${t.closed}/${t.items}`} />
                    </Col>
                    <Col flex="70px">{t.overdue > 0 && <Typography.Text type="danger">逾期 {t.overdue}</Typography.Text>}</Col>
                  </Row>
                ))}
              </Space>
            </Col>
          </Row>
        )}
      </Card>
      <RegisterCard meetingId={meetingId} problems={unregistered} labels={labels} repeats={repeats} />
      {summary.items > 0 && (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select aria-label="责任对象" style={{ width: 200 }} value={target} onChange={setTarget} options={[{ value: ALL, label: '全部对象' }, ...summary.targets.map((t) => ({ value: t.targetId, label: t.label }))]} />
            <Select aria-label="整改状态" style={{ width: 140 }} value={status} onChange={setStatus} options={[{ value: ALL, label: '全部状态' }, ...LEDGER_STATUSES.map((s) => ({ value: s, label: LEDGER_STATUS_LABELS[s] }))]} />
            <Select
              aria-label="时限"
              data-testid="deadline-filter"
              style={{ width: 140 }}
              value={deadline}
              onChange={setDeadline}
              options={[
                { value: ALL, label: '全部时限' },
                { value: 'overdue', label: `逾期（${summary.overdue}）` },
                { value: 'due-soon', label: `7日内到期（${summary.dueSoon}）` },
              ]}
            />
            <Typography.Text type="secondary">
              以 {day} 为准判断逾期；共 {shown.length} 项
            </Typography.Text>
          </Space>
          {summary.overdue > 0 && deadline !== 'overdue' && <Alert style={{ marginBottom: 8 }} type="error" showIcon message={`有 ${summary.overdue} 项已超过完成时限仍未销号。`} />}
          <LedgerTable rows={shown} repeats={repeats} locks={locks} onMove={move} onOpen={(r) => setOpenId(r.entry.id)} />
        </Card>
      )}
      {closing && <ClosureModal row={closing} onClose={() => setClosing(undefined)} />}
      {returning && <ReturnModal row={returning} onClose={() => setReturning(undefined)} />}
      {opened && <ProgressDrawer row={opened} lock={locks.get(opened.entry.id)} onClose={() => setOpenId(undefined)} />}
    </Space>
  );
}
