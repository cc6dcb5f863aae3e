import { Alert, Button, Descriptions, Drawer, Empty, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deadlineLabel } from '#shared/documents/problem-docs';
import type { LedgerRow } from '#shared/ledger/view';
import { LEDGER_STATUS_LABELS } from '#shared/model/ledger';
import { today } from '#shared/util/clock';
import { formatDateTime } from '#shared/util/dates';
import { useWorkbench } from '../../app/workbench-context';
import { describeError } from '../../lib/errors';
import { DateInput } from '../../lib/DateInput';
import { STATUS_TAG_COLORS } from './labels';

/**
 * One item's record: the problem and its 五个明确, the progress log (appended, never edited) with a
 * form to add to it, the status history, and the 销号 record.
 */
export function ProgressDrawer({ row, lock, onClose }: { row: LedgerRow; /** Why an item 已结转 takes no progress here (carriedRefusal). */ lock?: string | undefined; onClose: () => void }) {
  const { repos, actor } = useWorkbench();
  const [date, setDate] = useState(today());
  const [text, setText] = useState('');
  const [by, setBy] = useState('');
  const [error, setError] = useState<string>();
  const { entry, problem } = row;
  const closed = entry.status === 'closed';
  // 回头看: the years this item was carried through, oldest first (the last step is this entry).
  const history = useLiveQuery(() => (entry.carriedFrom ? repos.ledgerHistory(entry.id) : Promise.resolve([])), [repos, entry.id, entry.carriedFrom]);
  const earlier = (history ?? []).slice(0, -1);

  const add = async () => {
    try {
      await repos.addLedgerProgress(entry.id, { date, text, by }, actor);
      setText('');
      setError(undefined);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <Drawer open width={640} title={`${entry.accountNumber}　${row.targetLabel}`} onClose={onClose} data-testid="progress-drawer">
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label="问题">{problem.description}</Descriptions.Item>
        <Descriptions.Item label="整改措施">{problem.measures}</Descriptions.Item>
        <Descriptions.Item label="整改标准">{problem.standard}</Descriptions.Item>
        <Descriptions.Item label="责任领导">{problem.leader}</Descriptions.Item>
        <Descriptions.Item label="责任部门/责任人">{problem.responsible}</Descriptions.Item>
        <Descriptions.Item label="完成时限">{deadlineLabel(problem) || '未定时限'}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {row.state === 'carried' ? <Tag>已结转（原状态：{LEDGER_STATUS_LABELS[entry.status]}）</Tag> : <Tag color={STATUS_TAG_COLORS[entry.status]}>{LEDGER_STATUS_LABELS[entry.status]}</Tag>}
          {entry.carriedFrom && <Typography.Text type="secondary">上年度结转（原账号 {entry.carriedFrom.accountNumber}）</Typography.Text>}
        </Descriptions.Item>
        {entry.closure && (
          <Descriptions.Item label="销号">
            {entry.closure.date}，审核人 {entry.closure.approver}；佐证材料：{entry.closure.evidence}（存放于 {entry.closure.evidenceLocation}）
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        进展情况（{row.progress.length} 条）
      </Typography.Title>
      {row.progress.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填报进展" />
      ) : (
        <Timeline
          data-testid="progress-log"
          items={row.progress.map((p) => ({ key: p.id, children: <><Typography.Text strong>{p.date}</Typography.Text>　{p.text}{p.by && <Typography.Text type="secondary">（{p.by}）</Typography.Text>}</> }))}
        />
      )}
      {closed ? (
        <Typography.Text type="secondary">已销号，不再填报进展。</Typography.Text>
      ) : row.state === 'carried' ? (
        <Alert type="info" showIcon message={lock ?? `已结转至 ${row.carriedTo ?? ''}`} data-testid="progress-carried" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <DateInput value={date} onChange={setDate} style={{ width: 160 }} ariaLabel="进展日期" />
            <Input aria-label="填报人" placeholder={`填报人（默认 ${actor || '操作员'}）`} value={by} onChange={(e) => setBy(e.target.value)} style={{ width: 220 }} />
          </Space>
          <Input.TextArea aria-label="进展情况" autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} placeholder="本期整改进展（填报后不能修改）" />
          {error && <Alert type="error" showIcon message={error} data-testid="progress-error" />}
          <Button type="primary" onClick={() => void add()}>
            添加进展
          </Button>
        </Space>
      )}

      {earlier.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            以往年度
          </Typography.Title>
          <Timeline
            data-testid="earlier-years"
            items={earlier.map((step) => ({
              key: step.entry.id,
              children: (
                <>
                  <Typography.Text strong>{step.entry.accountNumber}</Typography.Text>　{LEDGER_STATUS_LABELS[step.entry.status]}
                  {step.progress.map((p) => (
                    <div key={p.id}>
                      {p.date}　{p.text}
                      {p.by && <Typography.Text type="secondary">（{p.by}）</Typography.Text>}
                    </div>
                  ))}
                  {step.progress.length === 0 && <div><Typography.Text type="secondary">该年度未填报进展</Typography.Text></div>}
                </>
              ),
            }))}
          />
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        状态记录
      </Typography.Title>
      {entry.history.length === 0 ? (
        <Typography.Text type="secondary">挂号于 {formatDateTime(entry.createdAt)}，尚未改变状态。</Typography.Text>
      ) : (
        <Timeline
          items={entry.history.map((h, i) => ({
            key: i,
            children: `${formatDateTime(h.at)}　${h.by || '—'}：${LEDGER_STATUS_LABELS[h.from]} → ${LEDGER_STATUS_LABELS[h.to]}${h.reason ? `（${h.reason}）` : ''}`,
          }))}
        />
      )}
    </Drawer>
  );
}
