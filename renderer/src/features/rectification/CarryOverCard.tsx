import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { undatedSentence } from '#shared/ledger/carry-over';
import { targetLabel } from '#shared/meeting/roster';
import { LEDGER_STATUS_LABELS } from '#shared/model/ledger';
import { GROUP_LABEL, GROUP_TARGET } from '#shared/model/types';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import type { Repositories } from '../../db/repositories';
import { STATUS_TAG_COLORS } from './labels';

type Offer = NonNullable<Awaited<ReturnType<Repositories['carryOverOffer']>>>;

/** 回头看: last year's items that are not 已销号 (长期坚持 included), offered for carrying into this meeting with their history. */
export function CarryOverCard({ meetingId, offer }: { meetingId: string; offer: Offer }) {
  const { repos, actor, readOnlyReason } = useWorkbench();
  const run = useAction();
  const { from, candidates, carried } = offer;
  if (candidates.length === 0) {
    return carried > 0 ? <Alert type="success" showIcon message={`回头看：已从${from.title}结转未销号事项 ${carried} 项。`} /> : null;
  }
  const carry = () =>
    run(
      () => repos.carryOverLedger(meetingId, actor),
      (r) => (r.skipped.length > 0 ? `已结转 ${r.carried.length} 项；${r.skipped.join('；')}` : `已结转 ${r.carried.length} 项`) + undatedSentence(r.undated),
    );
  return (
    <Card
      size="small"
      title={`回头看：${from.title}尚有 ${candidates.length} 项未销号`}
      data-testid="carry-over-card"
      extra={
        <Button type="primary" disabled={readOnlyReason !== undefined} onClick={() => void carry()}>
          结转到本年度（{candidates.length} 项）
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        结转的问题在本年度重新挂号（新账号），问题来源加“上年度未完成”，保留与上年度账号的关联，上年度的进展和状态记录可随时查看。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={candidates}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Typography.Text>{c.entry.accountNumber}</Typography.Text>
              <Typography.Text type="secondary">{c.entry.targetId === GROUP_TARGET ? GROUP_LABEL : c.member ? targetLabel(c.member) : '原班子成员'}</Typography.Text>
              <Tag color={STATUS_TAG_COLORS[c.entry.status]}>{LEDGER_STATUS_LABELS[c.entry.status]}</Tag>
              <span>{c.problem.description}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
