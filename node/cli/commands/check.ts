import { praiseFindings } from '#shared/checks/praise';
import { targetLabels } from '#shared/meeting/roster';
import { countSentence } from '#shared/consolidation/counts';
import { requiresFullCoverage } from '#shared/model/problems';
import { coverageSentence } from '#shared/problems/coverage';
import { todayDate } from '#shared/util/ids';
import { EXIT_NOT_READY, EXIT_OK } from '../errors';
import { loadLatestPackages, type CliIo } from '../io';
import { hasFollowUp, problemDocsOf, type MeetingContent } from '../meetings';
import { preMeetingOfPackages } from '../pre-meeting';
import { CHECKLIST_STATUS_LABELS } from '#shared/supervision/pre-meeting';

export const CHECK_HELP = `check PACKAGE… [--json]
    检查数据包中每次会议的征求意见是否达到要求，逐条列出缺项；已梳理意见的，报告意见回应情况
    （每条梳理后意见是否列入问题清单或说明理由），逐条列出未回应的意见；会议有谈心谈话、会前准备或
    对照检查材料记录时，同时列出会前准备清单（方案报送、学习研讨、征求意见、谈心谈话、对照检查材料、
    上年度整改，各项已完成 / 未完成 / 待核实及依据）。
    全部可以召开时退出码为 0；有任何会议不得召开、会前准备有未完成项，或会议设置要求“意见全部回应后
    方可公示”而尚有意见未回应时为 1；输入有误时为 2。
    --json  以 JSON 输出（供其他工具使用）`;

/** `check`: each meeting's readiness and shortfalls, in Chinese or as JSON. */
export async function checkCommand(packages: string[], options: { json: boolean }, io: CliIo): Promise<number> {
  const contents: Array<{ file: string; content: MeetingContent }> = [];
  // With --json the notes go to stderr, leaving stdout one JSON document.
  contents.push(...(await loadLatestPackages(packages, io.cwd, options.json ? io.err : io.out)));
  return checkContents(contents, options, io);
}

/** `check` over loaded contents (a package's, or content built in memory). */
export function checkContents(contents: ReadonlyArray<{ file: string; content: MeetingContent }>, options: { json: boolean }, io: CliIo): number {
  const today = todayDate();
  const views = preMeetingOfPackages(contents).map((v) => {
    const pd = problemDocsOf(v, today);
    const required = requiresFullCoverage(v.meeting.ruleSet);
    return { ...v, pd, required, coverageOk: !required || pd.coverage.full };
  });
  // A meeting without pre-meeting records is judged on readiness (and coverage) alone.
  const prepared = (v: (typeof views)[number]) => !v.carried || !v.review.checklist.items.some((i) => i.status === 'not-done');
  const allReady = views.every((v) => v.readiness.ready && v.coverageOk && prepared(v));

  if (options.json) {
    io.out(
      JSON.stringify(
        views.map(({ file, unit, meeting, readiness, opinions, pd, required, review, carried }) => ({
          package: file,
          unitId: unit.id,
          unit: unit.name,
          meetingId: meeting.id,
          meeting: meeting.title,
          year: meeting.year,
          ready: readiness.ready,
          verdict: readiness.ready ? '可以召开' : '不得召开',
          messages: readiness.messages,
          shortfalls: readiness.shortfalls.map(({ targetId, category, have, need, message }) => ({ targetId, category, have, need, message })),
          zeroTargets: readiness.zeroTargets,
          totals: readiness.totals,
          praise: praiseFindings(opinions, meeting.ruleSet).map(({ targetId, category, content, kind }) => ({ targetId, category, content, kind })),
          targets: readiness.targets.map((t) => ({ targetId: t.targetId, label: t.label, count: t.count, raw: t.raw, zero: t.zero, cells: t.cells })),
          consolidation: { collected: pd.counts.total.collected, consolidated: pd.counts.total.consolidated, pending: pd.counts.total.pending, sentence: countSentence(pd.counts.total) },
          coverage: {
            answered: pd.coverage.answered,
            total: pd.coverage.total,
            percent: pd.coverage.percent,
            full: pd.coverage.full,
            required,
            targets: pd.coverage.targets.map((t) => ({ targetId: t.targetId, label: t.label, answered: t.answered, total: t.total, percent: t.percent })),
            unanswered: pd.coverage.targets.flatMap((t) => t.unanswered.map((c) => ({ targetId: t.targetId, label: t.label, id: c.id, text: c.text }))),
            messages: pd.coverage.messages,
          },
          problems: pd.lists.reduce((n, l) => n + l.items.length, 0),
          publication: pd.publication,
          ...(carried ? { preMeeting: { summary: review.checklist.summary, complete: review.checklist.complete, items: review.checklist.items } } : {}),
        })),
        null,
        2,
      ),
    );
    return allReady ? EXIT_OK : EXIT_NOT_READY;
  }

  if (views.length === 0) io.out('数据包中没有会议。');
  for (const v of views) {
    const { unit, meeting, readiness, members, opinions, pd, review, carried } = v;
    const head = `${unit.name} · ${meeting.title}：${readiness.ready ? '可以召开' : `不得召开（待补 ${readiness.messages.length} 项）`}`;
    io.out(head);
    io.out(`  收集 ${readiness.totals.raw} 条，计入 ${readiness.totals.counted} 条`);
    for (const message of readiness.messages) io.out(`  - ${message}`);
    if (hasFollowUp(v)) {
      const c = pd.coverage;
      io.out(`  梳理：${countSentence(pd.counts.total)}；意见回应：${c.total === 0 ? '尚未梳理意见' : `${coverageSentence(c)}（${c.percent}%）`}${v.required ? '（本次会议要求意见全部回应后方可公示）' : ''}`);
      for (const message of c.messages) io.out(`  - ${message}`);
    }
    const labels = targetLabels(members.filter((m) => !m.deletedAt));
    for (const p of praiseFindings(opinions, meeting.ruleSet)) {
      const what = p.kind === 'praise' ? '仅表扬（计入，宜补充具体意见）' : '仅表扬（无意见，不计入）';
      io.out(`  · ${what} ${labels.get(p.targetId) ?? ''} · ${p.category}：${p.content.length > 40 ? `${p.content.slice(0, 40)}…` : p.content}`);
    }
    if (carried) {
      io.out(`  ${review.checklist.summary}`);
      for (const item of review.checklist.items) {
        io.out(`  [${CHECKLIST_STATUS_LABELS[item.status]}] ${item.label}`);
        // 征求意见's evidence repeats the shortfalls listed above: its first line is enough.
        for (const e of item.key === 'opinions' ? item.evidence.slice(0, 1) : item.evidence) io.out(`      ${e}`);
      }
    } else {
      // Said, not left out: a supervisor must not read 可以召开 as 会前准备 checked too.
      io.out('  会前准备：数据包中没有谈心谈话、会前准备和对照检查材料的记录，未核查');
    }
  }
  const notReady = views.filter((v) => !v.readiness.ready).length;
  const uncovered = views.filter((v) => !v.coverageOk).length;
  const unprepared = views.filter((v) => !prepared(v)).length;
  const unchecked = views.filter((v) => !v.carried).length;
  io.out('');
  io.out(
    `共 ${views.length} 次会议：可以召开 ${views.length - notReady} 次，不得召开 ${notReady} 次。${uncovered > 0 ? `另有 ${uncovered} 次会议要求意见全部回应而尚有意见未回应。` : ''}${unprepared > 0 ? `会前准备未完成 ${unprepared} 次。` : ''}${unchecked > 0 ? `${unchecked} 次会议没有会前准备记录，未核查会前准备。` : ''}`,
  );
  return allReady ? EXIT_OK : EXIT_NOT_READY;
}
