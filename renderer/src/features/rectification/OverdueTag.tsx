import { Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { rectificationFigures, rectificationSummary } from '#shared/ledger/rectification-summary';
import { useWorkbench } from '../../app/workbench-context';

/** The meeting header's warning: how many registered items are past their time limit and neither 已销号 nor 已结转 (a link to them). */
export function OverdueTag({ meetingId }: { meetingId: string }) {
  const { repos } = useWorkbench();
  const ledger = useLiveQuery(() => repos.listLedger(meetingId), [repos, meetingId]);
  if (!ledger) return null;
  const figures = rectificationFigures(rectificationSummary({ problems: ledger.problems, ledgerEntries: ledger.entries }, ledger.carriedOut));
  if (figures.overdue === 0) return null;
  return (
    <a href={`#/meetings/${meetingId}/rectification?deadline=overdue`} data-testid="header-overdue">
      <Tag color="error" style={{ fontSize: 14, padding: '2px 10px' }}>
        整改逾期 {figures.overdue} 项
      </Tag>
    </a>
  );
}
