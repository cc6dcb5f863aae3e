// A meeting taken through 梳理, the 两张清单 and the 整改台账, for the problem and ledger tests and
// documents: built on the document sample (a group and four members), with consolidated opinions,
// problem items (one missing its 整改标准, one 长期坚持), a reason-answered opinion, an unanswered
// one, registered entries in every status, and progress.
import { consolidate, type Stamp } from '#shared/consolidation/operations';
import type { LedgerEntry, ProgressEntry } from '#shared/model/ledger';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import { GROUP_TARGET } from '#shared/model/types';
import { registerProblems } from '#shared/ledger/accounts';
import { appendProgress } from '#shared/ledger/progress';
import { changeStatus } from '#shared/ledger/status';
import { documentSample, type DocumentSample } from './document-sample';
import { fakeUuid } from './sample-content';

/** A stamp whose ids count up from `start` and whose time is fixed. */
export function stampAt(at: string, start = 50_000): Stamp & { count: () => number } {
  let n = start;
  return { at, newId: () => fakeUuid(n++), count: () => n - start };
}

export function must<T>(r: { ok: true } & T): T;
export function must<T>(r: ({ ok: true } & T) | { ok: false; error: string }): T;
export function must<T>(r: ({ ok: true } & T) | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

export interface ProblemSample extends DocumentSample {
  consolidated: ConsolidatedOpinion[];
  problems: ProblemItem[];
  entries: LedgerEntry[];
  progress: ProgressEntry[];
  byName: (name: string) => string;
}

/** A problem item with the 五个明确 filled (override what a test needs). */
export function problemItem(fields: Pick<ProblemItem, 'id' | 'meetingId' | 'targetId' | 'description'> & Partial<ProblemItem>): ProblemItem {
  return {
    dimension: '',
    sources: ['征求意见'],
    consolidatedIds: [],
    causes: '',
    measures: '制定专项整改方案，明确责任分工，每月调度一次',
    standard: '年底前完成，群众满意度不低于90%',
    leader: '张三',
    responsible: '办公室',
    deadline: '2026-06-30',
    longTerm: false,
    published: true,
    note: '',
    order: 1,
    createdAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
    ...fields,
  };
}

/** The sample: consolidated opinions per target, problems, a registered ledger and progress, as of 2026-03-01. */
export function problemSample(): ProblemSample {
  const base = documentSample();
  const { meeting, members, opinions } = base;
  const byName = (name: string) => members.find((m) => m.name === name)!.id;
  const stamp = stampAt('2025-12-01T00:00:00.000Z');
  const consolidated: ConsolidatedOpinion[] = [];
  // Consolidate each target's live counted opinions two by two (same category pairs).
  for (const target of [GROUP_TARGET, byName('张三'), byName('李四'), byName('王五')]) {
    const mine = opinions.filter((o) => o.targetId === target && !o.deletedAt && o.content !== '暂无意见');
    for (let i = 0; i < mine.length; i += 2) {
      const ids = mine.slice(i, i + 2).map((o) => o.id);
      const r = must(consolidate({ meetingId: meeting.id, targetId: target, opinionIds: ids }, opinions, consolidated, stamp));
      consolidated.push(...r.created);
    }
  }
  const of = (target: string) => consolidated.filter((c) => c.targetId === target);
  const group = of(GROUP_TARGET);
  const zhang = of(byName('张三'));
  const li = of(byName('李四'));
  const wang = of(byName('王五'));
  let order = 0;
  const p = (targetId: string, description: string, links: ConsolidatedOpinion[], extra: Partial<ProblemItem> = {}) =>
    problemItem({ id: stamp.newId(), meetingId: meeting.id, targetId, description, consolidatedIds: links.map((c) => c.id), order: ++order, dimension: meeting.dimensions[order % 2]!, ...extra });
  const problems: ProblemItem[] = [
    p(GROUP_TARGET, '理论学习中心组学习以会代学、以文件代学，学用结合不紧，运用创新理论指导财政工作的能力不强', group.slice(0, 2), {
      causes: '对理论武装的极端重要性认识不足',
      note: '内部备注：与组织部沟通过',
    }),
    p(GROUP_TARGET, '深入基层调研偏少，对企业反映的融资难问题跟踪问效不够', group.slice(2, 4), { sources: ['征求意见', '谈心谈话'] }),
    p(GROUP_TARGET, '落实全面从严治党主体责任压力传导不够，廉政谈话流于形式', group.slice(4), { longTerm: true, deadline: '', sources: ['上级点评'] }),
    p(byName('张三'), '推动重点项目建设办法不多，部分项目进度滞后于年初计划', zhang.slice(0, 3), { leader: '张三', responsible: '张三' }),
    p(byName('李四'), '对分管科室日常监督不够严格，个别干部纪律意识淡薄', li.slice(0, 2), { leader: '李四', responsible: '综合科', deadline: '2026-02-15' }),
    p(byName('李四'), '服务企业改革落实不到位，审批材料仍然偏多', li.slice(2, 4), { leader: '李四', responsible: '政府采购科', standard: '', published: true }),
    p(byName('王五'), '财政资金绩效评价结果运用不充分，部分专项资金闲置', wang.slice(0, 4), { leader: '王五', responsible: '预算科', deadline: '2026-03-05' }),
  ];
  // One of 张三's opinions answered by a reason; one of 李四's left unanswered on purpose.
  const reasoned = zhang[3]!;
  consolidated[consolidated.indexOf(reasoned)] = { ...reasoned, answer: { reason: 'not-my-duty', text: '属于县政府统一部署事项，已向提出单位说明' } };
  for (const c of [...group, ...zhang.slice(4), ...li.slice(4), ...wang.slice(4)]) {
    if (problems.some((x) => x.consolidatedIds.includes(c.id))) continue;
    const i = consolidated.findIndex((x) => x.id === c.id);
    if (c === li[4]) continue;
    consolidated[i] = { ...consolidated[i]!, answer: { reason: 'in-group-problems', text: '' } };
  }

  const unit = base.unit;
  const registered = must(registerProblems(problems.filter((x) => x.standard !== ''), { unit, meeting, members, entries: [] }, stamp)).value;
  const entries: LedgerEntry[] = [];
  const progress: ProgressEntry[] = [];
  const at = (d: string) => `${d}T09:00:00.000Z`;
  for (const [i, e] of registered.entries()) {
    let cur = e;
    const move = (to: LedgerEntry['status'], day: string, extra: Partial<Parameters<typeof changeStatus>[1]> = {}) => {
      cur = must(changeStatus(cur, { to, by: '办公室 刘洋', ...extra }, at(day), '2026-03-01')).value;
    };
    if (i >= 1) move('in-progress', '2026-01-05');
    if (i >= 1) progress.push(must(appendProgress(cur, { date: '2026-01-31', text: '已制定整改方案，召开专题会议部署。', by: '刘洋' }, stampAt(at('2026-01-31'), 60_000 + i * 10), '2026-03-01')).value);
    if (i === 2) move('ongoing', '2026-01-20');
    if (i === 3) move('closure-requested', '2026-02-10');
    if (i === 4) {
      move('closure-requested', '2026-02-10');
      move('in-progress', '2026-02-12', { reason: '佐证材料不全，需补充资金盘活台账' });
    }
    if (i === 1) {
      move('closure-requested', '2026-02-20');
      move('closed', '2026-02-25', { closure: { evidence: '调研报告3篇、融资对接会纪要', evidenceLocation: '局办公室档案柜 2026-整改-02 号盒', date: '2026-02-25', approver: '张三' } });
    }
    entries.push(cur);
  }
  return { ...base, consolidated, problems, entries, progress, byName };
}
