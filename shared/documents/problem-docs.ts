// What every problem and ledger document of a meeting is built from, computed once per export on
// top of the meeting's documents (meeting-docs.ts): each target's live items in list order with
// their numbers, the 收集/梳理 counts, coverage, the 五个明确 marks, the 问题反复出现 flags and the
// ledger rows and summary. Word, Excel and (next step) the command line read it, so one data set
// gives one set of numbers everywhere.
import { consolidationCounts, type ConsolidationCounts } from '../consolidation/counts';
import { carriedOut } from '../ledger/deadlines';
import { ledgerRows, ledgerSummary, type LedgerRow, type LedgerSummary } from '../ledger/view';
import type { LedgerEntry, ProgressEntry } from '../model/ledger';
import type { ConsolidatedOpinion, ProblemItem } from '../model/problems';
import { incompleteItems, publicationReadiness, type IncompleteItem, type PublicationReadiness } from '../problems/checks';
import { computeCoverage, type Coverage } from '../problems/coverage';
import { repeatedProblems, type RepeatFlag } from '../problems/repeat';
import { GROUP_LABEL, GROUP_TARGET } from '../model/types';
import type { DocTarget, MeetingDocs } from './meeting-docs';

interface ProblemDocInput {
  docs: MeetingDocs;
  consolidated: readonly ConsolidatedOpinion[];
  problems: readonly ProblemItem[];
  entries?: readonly LedgerEntry[];
  /**
   * The entries of the unit's later meetings (any set holding them will do, `entries` are read too):
   * the items they carry on (回头看) are 已结转 in this ledger, neither open nor overdue here.
   */
  laterEntries?: readonly LedgerEntry[];
  progress?: readonly ProgressEntry[];
  /** Last year's items of the unit, for the 问题反复出现 flag. */
  previousProblems?: readonly ProblemItem[];
  /** `YYYY-MM-DD`: the day overdue is judged on and the date under reports. */
  today: string;
}

export interface TargetItems {
  target: DocTarget;
  items: ProblemItem[];
}

export interface ProblemDocs {
  input: ProblemDocInput;
  docs: MeetingDocs;
  /** The meeting's targets, with the group added when it has items though it is no opinion target. */
  targets: DocTarget[];
  /** Every target in list order (the group, then members by rank) with its live items in list order. */
  lists: TargetItems[];
  /** An item's number within its target's list: 1, 2, 3 … */
  numbers: Map<string, number>;
  counts: ConsolidationCounts;
  coverage: Coverage;
  incomplete: Map<string, IncompleteItem>;
  repeats: Map<string, RepeatFlag>;
  previous: Map<string, ProblemItem>;
  ledger: LedgerRow[];
  summary: LedgerSummary;
  /** Whether the lists may be published: the published items 五个明确, and full coverage if the rule set asks. */
  publication: PublicationReadiness;
  /** The live consolidated opinions of live targets, by id. */
  consolidated: Map<string, ConsolidatedOpinion>;
}

/** Items of one target in list order: by the meeting's dimension order (others last), then by their order. */
function listOrder(items: ProblemItem[], dimensions: readonly string[]): ProblemItem[] {
  const rank = (p: ProblemItem) => {
    const i = dimensions.indexOf(p.dimension);
    return i < 0 ? dimensions.length : i;
  };
  return items.sort((a, b) => rank(a) - rank(b) || a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Prepares a meeting's problem and ledger documents. */
export function prepareProblemDocs(input: ProblemDocInput): ProblemDocs {
  const { docs } = input;
  const meetingId = docs.input.meeting.id;
  // The 班子问题清单 exists even where the group is not an opinion target (groupIsTarget off).
  const groupHasItems = input.problems.some((p) => !p.deletedAt && p.meetingId === meetingId && p.targetId === GROUP_TARGET);
  const targets: DocTarget[] =
    groupHasItems && !docs.targets.some((t) => t.isGroup)
      ? [{ id: GROUP_TARGET, isGroup: true, order: 0, name: GROUP_LABEL, position: '', label: GROUP_LABEL }, ...docs.targets]
      : docs.targets;
  const targetIds = new Set(targets.map((t) => t.id));
  const problems = input.problems.filter((p) => !p.deletedAt && p.meetingId === meetingId && targetIds.has(p.targetId));
  const consolidated = input.consolidated.filter((c) => !c.deletedAt && c.meetingId === meetingId && targetIds.has(c.targetId));
  const lists = targets.map((target) => ({ target, items: listOrder(problems.filter((p) => p.targetId === target.id), docs.input.meeting.dimensions) }));
  const numbers = new Map<string, number>();
  for (const l of lists) l.items.forEach((p, i) => numbers.set(p.id, i + 1));
  const labels = new Map(targets.map((t) => [t.id, t.label]));
  const incomplete = new Map(incompleteItems(problems, (id) => labels.get(id) ?? '', (p) => `第${numbers.get(p.id)}项`).map((i) => [i.problemId, i]));
  const previousList = input.previousProblems ?? [];
  const coverage = computeCoverage(consolidated, problems, targets);
  const published = new Set(problems.filter((p) => p.published).map((p) => p.id));
  const carried = carriedOut([...(input.entries ?? []), ...(input.laterEntries ?? [])]);
  const ledger = ledgerRows({ entries: (input.entries ?? []).filter((e) => e.meetingId === meetingId), carriedOut: carried, problems, progress: input.progress ?? [], targets, today: input.today });
  return {
    input,
    docs,
    targets,
    lists,
    numbers,
    counts: consolidationCounts({ opinions: docs.opinions, consolidated, flags: docs.flags, targets, channels: docs.input.meeting.ruleSet.channels }),
    coverage,
    incomplete,
    repeats: repeatedProblems(problems, previousList),
    previous: new Map(previousList.map((p) => [p.id, p])),
    ledger,
    summary: ledgerSummary(ledger, targets),
    publication: publicationReadiness(
      docs.input.meeting.ruleSet,
      [...incomplete.values()].filter((i) => published.has(i.problemId)),
      coverage,
      published.size,
    ),
    consolidated: new Map(consolidated.map((c) => [c.id, c])),
  };
}

/** `2026年6月30日`, or 长期坚持. */
export function deadlineLabel(p: Pick<ProblemItem, 'deadline' | 'longTerm'>): string {
  if (p.longTerm) return '长期坚持';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p.deadline);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}
