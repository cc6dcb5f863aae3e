// Follow-up records (package format 2) for sample content: for every meeting one of each kind —
// a consolidated opinion of two group opinions, a problem linked to it, its ledger entry (整改中)
// with one progress entry, a talk between the first two members citing an opinion, the meeting's
// preparation and the first member's material. Deterministic ids from `firstId`.
import type { LedgerEntry, ProgressEntry } from '#shared/model/ledger';
import type { MaterialRecord, MeetingPreparation } from '#shared/model/preparation';
import type { ConsolidatedOpinion, ProblemItem } from '#shared/model/problems';
import type { Talk } from '#shared/model/talks';
import { GROUP_TARGET } from '#shared/model/types';
import type { PackageContent } from '#shared/package/format';
import { problemItem } from './problem-sample';
import { fakeUuid } from './sample-content';

const AT = '2025-12-01T08:00:00.000Z';
const stamps = { createdAt: AT, updatedAt: AT };

/** The content with follow-up records added for each of its meetings (a new object; the input is not changed). */
export function withFollowUp(content: PackageContent, firstId = 90_000): PackageContent {
  let n = firstId;
  const next = () => fakeUuid(n++);
  const out: PackageContent = structuredClone(content);
  for (const meeting of content.meetings) {
    const members = content.members.filter((m) => m.meetingId === meeting.id).sort((a, b) => a.rank - b.rank);
    const groupOpinions = content.opinions.filter((o) => o.meetingId === meeting.id && o.targetId === GROUP_TARGET);
    const consolidated: ConsolidatedOpinion = {
      id: next(),
      meetingId: meeting.id,
      targetId: GROUP_TARGET,
      text: '调查研究不够深入，解决群众急难愁盼问题的办法不多',
      dimension: '',
      sourceIds: groupOpinions.slice(0, 2).map((o) => o.id),
      mergedFrom: [],
      order: 1,
      ...stamps,
    };
    const problem: ProblemItem = problemItem({ id: next(), meetingId: meeting.id, targetId: GROUP_TARGET, description: '深入基层调研偏少，解决实际问题办法不多', consolidatedIds: [consolidated.id] });
    const entry: LedgerEntry = {
      id: next(),
      meetingId: meeting.id,
      problemId: problem.id,
      targetId: GROUP_TARGET,
      accountNumber: `${meeting.year}-${meeting.id.slice(-4)}-班子-001`,
      status: 'in-progress',
      history: [{ at: AT, from: 'not-started', to: 'in-progress', by: '办公室', reason: '' }],
      ...stamps,
    };
    const progress: ProgressEntry = { id: next(), meetingId: meeting.id, entryId: entry.id, date: '2025-12-01', text: '已制定整改方案', by: '办公室', createdAt: AT };
    out.consolidatedOpinions.push(consolidated);
    out.problems.push(problem);
    out.ledgerEntries.push(entry);
    out.progressEntries.push(progress);
    if (members.length >= 2) {
      const talk: Talk = {
        id: next(),
        meetingId: meeting.id,
        date: '2025-11-20',
        a: { kind: 'member', memberId: members[0]!.id },
        b: { kind: 'member', memberId: members[1]!.id },
        note: '交流了班子建设的意见',
        opinionIds: groupOpinions.slice(0, 1).map((o) => o.id),
        ...stamps,
      };
      out.talks.push(talk);
    }
    const preparation: MeetingPreparation = { id: next(), meetingId: meeting.id, planSubmittedOn: '2025-11-10', studySessions: [{ date: '2025-11-15', topic: '集中学习研讨' }], ...stamps };
    out.preparations.push(preparation);
    if (members[0]) {
      const material: MaterialRecord = {
        id: next(),
        meetingId: meeting.id,
        targetId: members[0].id,
        origin: { kind: 'docx', file: '个人对照检查材料.docx' },
        title: '个人对照检查材料',
        blocks: [
          { kind: 'heading', level: 1, text: '一、存在的问题', source: 0 },
          { kind: 'paragraph', level: 0, text: '调查研究不够深入。', source: 1 },
        ],
        ...stamps,
      };
      out.materials.push(material);
    }
  }
  return out;
}
