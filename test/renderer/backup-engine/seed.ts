// A database with something in every table: a unit, a meeting, a roster, opinions (one in the
// recycle bin), an audit, the change log, a setting, the meeting summary, merge bases (as after
// sending a package) and copy-scan findings.
import { writeMeetingData } from '../../../renderer/src/db/repos/meeting-write';
import type { WorkbenchDb } from "../../../renderer/src/db/database";
import {
  addOpinions,
  deleteOpinions,
} from "../../../renderer/src/db/repos/opinions-repo";
import { saveSetting } from "../../../renderer/src/db/repos/settings-repo";
import { recordAudit } from "../../../renderer/src/db/repos/audits-repo";
import {
  loadCopyScanInput,
  saveCopyFindings,
} from "../../../renderer/src/db/repos/copy-findings-repo";
import { putMergeBases } from "../../../renderer/src/db/repos/merge-repo";
import { exportContent } from "../../../renderer/src/db/repos/package-repo";
import { saveProblem } from "../../../renderer/src/db/repos/problems-repo";
import { refreshSummaries, summaryTables } from "../../../renderer/src/db/repos/summaries-repo";
import { GROUP_TARGET } from "#shared/model/types";
import { newId } from "#shared/util/ids";
import { sampleOpinionImage } from "../../support/opinion-image-sample";
import { ACTOR, seedMeeting } from "../db/test-db";

export async function seedEverything(db: WorkbenchDb, opinions = 12) {
  const seeded = await seedMeeting(db);
  const targets = [GROUP_TARGET, ...seeded.members.map((m) => m.id)];
  const drafts = Array.from({ length: opinions }, (_, i) => ({
    targetId: targets[i % targets.length]!,
    category: ["上级领导", "下属单位", "分管领域", "服务对象", "基层群众"][
      i % 5
    ]!,
    channel: "谈心谈话",
    content: `第${i + 1}条：调查研究不够深入，解决群众“急难愁盼”问题的办法不多\t（含制表符）`,
    provider: i % 2 ? "县发改局" : "",
  }));
  const added = await addOpinions(db, seeded.meeting.id, drafts, {
    actor: ACTOR,
    origin: { kind: "pasted" },
  });
  await deleteOpinions(db, [added[0]!.id], ACTOR);
  const audit = await recordAudit(
    db,
    seeded.meeting.id,
    {
      verdict: "return",
      auditor: "第一督导组",
      reasons: "基层群众意见不足，请补充征求",
      ticked: [],
      overrideReason: "",
    },
    { actor: ACTOR },
  );
  const content = await exportContent(db);
  await db.transaction("rw", db.mergeBases, () => putMergeBases(db, content));
  // As runCopyScan stores it: the number of candidates the scan compared.
  const scanInput = await loadCopyScanInput(db);
  await saveCopyFindings(db, scanInput, [], scanInput.candidates.length);
  await saveSetting(db, "operatorName", "王科长");
  const followUp = await seedFollowUp(
    db,
    seeded.meeting.id,
    seeded.members[0]!.id,
    seeded.members[1]!.id,
    added[1]!.id,
  );
  // Two opinions' cell pictures (schema v4), one of them of the opinion in the recycle bin: it travels with it.
  await db.opinionImages.bulkAdd([
    sampleOpinionImage(added[0]!, newId()),
    sampleOpinionImage(added[2]!, newId(), { page: 2, row: 5 }),
  ]);
  // The follow-up rows above are written by hand: bring the stored summary up to date with them, as the write path would.
  await db.transaction("rw", summaryTables(db), async () => {
    await refreshSummaries(db, [seeded.meeting.id]);
  });
  return { ...seeded, opinions: added, audit, ...followUp };
}

/** One record in each table of the second half (schema v3), valid for its registry validator. */
async function seedFollowUp(
  db: WorkbenchDb,
  meetingId: string,
  secretaryId: string,
  memberId: string,
  opinionId: string,
) {
  const at = "2026-11-20T08:00:00.000Z";
  const stamps = { createdAt: at, updatedAt: at };
  const consolidated = {
    id: newId(),
    meetingId,
    targetId: GROUP_TARGET,
    text: "调查研究不够深入",
    dimension: "",
    sourceIds: [opinionId],
    mergedFrom: [],
    order: 1,
    ...stamps,
  };
  await db.consolidatedOpinions.add(consolidated);
  const problem = await saveProblem(
    db,
    meetingId,
    {
      targetId: GROUP_TARGET,
      description: "深入基层调研不够",
      dimension: "",
      sources: ["征求意见"],
      consolidatedIds: [consolidated.id],
      causes: "",
      measures: "每季度到联系点调研",
      standard: "全年不少于4次",
      leader: "张三",
      responsible: "办公室",
      deadline: "2026-06-30",
      longTerm: false,
      published: true,
      note: "",
    },
    ACTOR,
  );
  const entry = {
    id: newId(),
    meetingId,
    problemId: problem.id,
    targetId: GROUP_TARGET,
    accountNumber: "2025-某某县财政局-班子-001",
    status: "in-progress" as const,
    history: [
      {
        at,
        from: "not-started" as const,
        to: "in-progress" as const,
        by: ACTOR,
        reason: "",
      },
    ],
    ...stamps,
  };
  await db.ledgerEntries.add(entry);
  await db.progressEntries.add({
    id: newId(),
    meetingId,
    entryId: entry.id,
    date: "2026-11-20",
    text: "已制定调研计划",
    by: ACTOR,
    createdAt: at,
  });
  await db.talks.add({
    id: newId(),
    meetingId,
    date: "2026-11-10",
    a: { kind: "member", memberId: secretaryId },
    b: { kind: "member", memberId },
    note: "",
    opinionIds: [opinionId],
    ...stamps,
  });
  await db.preparations.add({
    id: newId(),
    meetingId,
    planSubmittedOn: "2026-11-01",
    studySessions: [{ date: "2026-11-05", topic: "集中学习研讨" }],
    ...stamps,
  });
  await db.materials.add({
    id: newId(),
    meetingId,
    targetId: GROUP_TARGET,
    origin: { kind: "pasted" },
    title: "班子对照检查材料",
    blocks: [
      { kind: "heading", level: 1, text: "一、存在的问题", source: 0 },
      { kind: "paragraph", level: 0, text: "调查研究不够深入。", source: 1 },
    ],
    ...stamps,
  });
  // The rows above went in directly: bring the meeting's stored summary up to date through the write path.
  await writeMeetingData(db, [], async (w) => w.touch([meetingId]));
  return { problem, ledgerEntry: entry };
}
