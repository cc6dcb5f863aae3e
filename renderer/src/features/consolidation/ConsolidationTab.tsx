import { Alert, Button, Card, Checkbox, Col, Empty, List, Radio, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { proposeMerges } from '#shared/consolidation/proposals';
import type { AnswerReasonRecord, ConsolidatedOpinion } from '#shared/model/problems';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { useMeeting } from '../../meeting/meeting-context';
import { useProblemData } from '../../meeting/use-problem-data';
import { OpinionText } from '../../ui/OpinionText';
import { AnswerModal } from './AnswerModal';
import { ConsolidatedList } from './ConsolidatedList';
import { ConsolidateModal, type ConsolidateDraft } from './ConsolidateModal';
import { CountsCard } from './CountsCard';
import { ProposalList, type Proposal } from './ProposalList';
import { useRefusedProposals } from './refused-proposals';

/** 梳理: per target, raw opinions merged into consolidated ones (with provenance), the detector's proposals, and the reasons recorded. */
export function ConsolidationTab() {
  const data = useMeeting();
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const pdata = useProblemData(data);
  const { meeting, opinions, flags, targets } = data;
  const [chosen, setChosen] = useState<string>();
  const targetId = targets.some((t) => t.id === chosen) ? chosen! : targets[0]?.id;
  const [picked, setPicked] = useState<string[]>([]);
  const [draft, setDraft] = useState<ConsolidateDraft & { joinId?: string; editId?: string }>();
  const [answering, setAnswering] = useState<ConsolidatedOpinion>();
  const [busy, setBusy] = useState(false);
  const refused = useRefusedProposals(meeting.id);

  const raws = useMemo(() => new Map(opinions.map((o) => [o.id, o])), [opinions]);
  const proposals = useMemo(() => (pdata ? proposeMerges(opinions, pdata.allConsolidated, meeting.ruleSet) : []), [opinions, pdata, meeting.ruleSet]);
  if (!pdata || !targetId) return targets.length === 0 ? <Alert type="info" showIcon message="尚未录入班子成员名单。" /> : <Spin />;

  const { pd } = pdata;
  const mine = opinions.filter((o) => o.targetId === targetId);
  const items = pdata.consolidated.filter((c) => c.targetId === targetId);
  const holder = new Map(items.flatMap((c, i) => c.sourceIds.map((id) => [id, i + 1] as const)));
  const shown = proposals.filter((p) => p.targetId === targetId && !refused.has(p));
  const free = picked.filter((id) => mine.some((o) => o.id === id) && !holder.has(id));

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      return (await run(async () => (await work(), true), done)) === true;
    } finally {
      setBusy(false);
    }
  };
  const accept = (p: Proposal) =>
    void act(
      () => (p.joinId ? repos.addToConsolidated(meeting.id, { id: p.joinId, opinionIds: p.opinionIds }, actor) : repos.consolidateOpinions(meeting.id, { targetId, opinionIds: p.opinionIds, text: p.text }, actor)),
      p.joinId ? '已并入梳理后意见' : `已将 ${p.opinionIds.length} 条意见梳理为一条`,
    );
  const submit = async (v: { opinionIds: string[]; text: string; dimension: string }) => {
    if (!draft) return false;
    if (draft.mode === 'edit') return act(() => repos.rewordConsolidatedOpinion(meeting.id, draft.editId!, { text: v.text, dimension: v.dimension }, actor), '已修改');
    if (draft.mode === 'join') return act(() => repos.addToConsolidated(meeting.id, { id: draft.joinId!, opinionIds: v.opinionIds, text: v.text, dimension: v.dimension }, actor), '已并入梳理后意见');
    const ok = await act(() => repos.consolidateOpinions(meeting.id, { targetId, opinionIds: v.opinionIds, text: v.text, dimension: v.dimension }, actor), `已将 ${v.opinionIds.length} 条意见梳理为一条`);
    if (ok) setPicked([]);
    return ok;
  };
  const saveAnswer = (answer: AnswerReasonRecord | undefined) =>
    act(() => repos.setConsolidatedAnswer(meeting.id, answering!.id, answer, actor), answer ? '已记录回应理由' : '已清除回应理由');

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <CountsCard counts={pd.counts} coverage={pd.coverage} />
      <Radio.Group
        aria-label="梳理对象"
        optionType="button"
        value={targetId}
        onChange={(e) => (setChosen(e.target.value as string), setPicked([]))}
        options={targets.map((t) => {
          const c = pd.counts.targets.find((x) => x.targetId === t.id);
          return { value: t.id, label: `${t.label}${c && c.collected > 0 ? ` ${c.collected}→${c.consolidated}` : ''}` };
        })}
      />
      <Row gutter={12}>
        <Col span={11}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <ProposalList
              proposals={shown}
              raws={raws}
              consolidated={pd.consolidated}
              busy={busy}
              onAccept={accept}
              onChange={(p) => setDraft({ mode: p.joinId ? 'join' : 'new', opinionIds: p.opinionIds, text: p.text, dimension: (p.joinId && pd.consolidated.get(p.joinId)?.dimension) || '', joinId: p.joinId })}
              onRefuse={(p) => refused.add(p)}
            />
            <Card
              size="small"
              title={`原始意见（${mine.length}条）`}
              data-testid="raw-opinions"
              extra={
                <Button
                  type="primary"
                  size="small"
                  disabled={busy || free.length === 0}
                  onClick={() => setDraft({ mode: 'new', opinionIds: free, text: raws.get(free[0]!)?.content ?? '', dimension: raws.get(free[0]!)?.dimension ?? '' })}
                >
                  梳理为一条（已选 {free.length} 条）
                </Button>
              }
            >
              {mine.length === 0 ? (
                <Empty description="这一对象尚无意见" />
              ) : (
                <List
                  size="small"
                  dataSource={mine}
                  renderItem={(o) => (
                    <List.Item data-testid="raw-opinion">
                      <Space align="start">
                        <Checkbox
                          disabled={holder.has(o.id)}
                          checked={holder.has(o.id) || picked.includes(o.id)}
                          aria-label={o.content}
                          onChange={(e) => setPicked((p) => (e.target.checked ? [...p, o.id] : p.filter((x) => x !== o.id)))}
                        />
                        <span>
                          <OpinionText content={o.content} flags={flags.get(o.id)} />
                          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                            {o.category}·{o.channel}
                          </Typography.Text>
                          {holder.has(o.id) && <Tag color="green" style={{ marginLeft: 6 }}>已梳理入第{holder.get(o.id)}条</Tag>}
                        </span>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {refused.size > 0 && (
              <Typography.Link type="secondary" onClick={refused.clear}>
                重新显示不合并的建议（{refused.size}组）
              </Typography.Link>
            )}
          </Space>
        </Col>
        <Col span={13}>
          <ConsolidatedList
            items={items}
            raws={raws}
            pd={pd}
            busy={busy}
            onEdit={(c) => setDraft({ mode: 'edit', opinionIds: [], text: c.text, dimension: c.dimension, editId: c.id })}
            onAnswer={setAnswering}
            onDissolve={(c) => void act(() => repos.dissolveConsolidatedOpinion(meeting.id, c.id, actor), '已取消梳理')}
            onUnlink={(c, opinionId) => void act(() => repos.unlinkRawOpinion(meeting.id, { id: c.id, opinionId }, actor), '已移出')}
            onMerge={(ids) => void act(() => repos.mergeConsolidatedOpinions(meeting.id, { ids }, actor), `已合并 ${ids.length} 条梳理后意见`)}
          />
        </Col>
      </Row>
      <ConsolidateModal draft={draft} raws={raws} dimensions={meeting.dimensions} onClose={() => setDraft(undefined)} onSubmit={submit} />
      <AnswerModal opinion={answering} onClose={() => setAnswering(undefined)} onSave={saveAnswer} />
    </Space>
  );
}
