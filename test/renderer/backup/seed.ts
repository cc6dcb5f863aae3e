// A database with something in every table: a unit, a meeting, a roster, opinions (one in the
// recycle bin), an audit, the change log, a setting, the meeting summary, merge bases (as after
// sending a package) and copy-scan findings.
import type { WorkbenchDb } from '../../../renderer/src/db/database';
import { addOpinions, deleteOpinions } from '../../../renderer/src/db/repos/opinions-repo';
import { saveSetting } from '../../../renderer/src/db/repos/settings-repo';
import { recordAudit } from '../../../renderer/src/db/repos/audits-repo';
import { loadCopyScanInput, saveCopyFindings } from '../../../renderer/src/db/repos/copy-findings-repo';
import { putMergeBases } from '../../../renderer/src/db/repos/merge-repo';
import { exportContent } from '../../../renderer/src/db/repos/package-repo';
import { GROUP_TARGET } from '../../../shared/model/types';
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
  const audit = await recordAudit(
    db,
    seeded.meeting.id,
    { verdict: 'return', auditor: '第一督导组', reasons: '基层群众意见不足，请补充征求', ticked: [], overrideReason: '' },
    { actor: ACTOR },
  );
  const content = await exportContent(db);
  await db.transaction('rw', db.mergeBases, () => putMergeBases(db, content));
  // As runCopyScan stores it: the number of candidates the scan compared.
  const scanInput = await loadCopyScanInput(db);
  await saveCopyFindings(db, scanInput, [], scanInput.candidates.length);
  await saveSetting(db, 'operatorName', '王科长');
  return { ...seeded, opinions: added, audit };
}
