// A database with something in every table: a unit, a meeting, a roster, opinions (one in the
// recycle bin), an audit, the change log, and a setting.
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { addOpinions, deleteOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { saveSetting } from '../../../renderer/src/db/repos/settings-repo';
import { GROUP_TARGET, type Audit } from '../../../shared/model/types';
import { newId } from '../../../shared/util/ids';
import { ACTOR, seedMeeting } from '../db/test-db';

export async function seedEverything(db: WorkbenchDb, opinions = 12) {
  const seeded = await seedMeeting(db);
  const targets = [GROUP_TARGET, ...seeded.members.map((m) => m.id)];
  const drafts = Array.from({ length: opinions }, (_, i) => ({
    targetId: targets[i % targets.length]!,
    category: ['上级领导', '下属单位', '分管领域', '服务对象', '基层群众'][i % 5]!,
    channel: '谈心谈话',
    content: `第${i + 1}条：调查研究不够深入，解决群众“急难愁盼”问题的办法不多\t（含制表符）`,
    provider: i % 2 ? '县发改局' : '',
  }));
  const added = await addOpinions(db, seeded.meeting.id, drafts, { actor: ACTOR, origin: { kind: 'pasted' } });
  await deleteOpinions(db, [added[0]!.id], ACTOR);
  const audit: Audit = {
    id: newId(),
    meetingId: seeded.meeting.id,
    at: '2026-01-10T02:00:00.000Z',
    auditor: '第一督导组',
    verdict: 'return',
    reasons: '基层群众意见不足',
    ticked: ['零意见'],
    overrideReason: '',
    snapshot: { ready: false, shortfalls: ['张三（局长）：基层群众意见 1 条，至少需 2 条'], zeroTargets: [], counts: { group: { 上级领导: 2 } }, fingerprint: 'abc', totalOpinions: opinions },
  };
  await db.audits.add(audit);
  await saveSetting(db, 'operatorName', '王科长');
  return { ...seeded, opinions: added, audit };
}
