import { praiseFindings } from '../../../shared/checks/praise';
import { targetLabels } from '../../../shared/meeting/roster';
import type { PackageContent } from '../../../shared/package/format';
import { EXIT_NOT_READY, EXIT_OK } from '../errors';
import { loadPackage, type CliIo } from '../io';
import { meetingViews } from '../meetings';

export const CHECK_HELP = `check PACKAGE… [--json]
    检查数据包中每次会议的征求意见是否达到要求，逐条列出缺项。
    全部可以召开时退出码为 0，有任何会议不得召开时为 1，输入有误时为 2。
    --json  以 JSON 输出（供其他工具使用）`;

/** `check`: each meeting's readiness and shortfalls, in Chinese or as JSON. */
export async function checkCommand(packages: string[], options: { json: boolean }, io: CliIo): Promise<number> {
  const contents: Array<{ file: string; content: PackageContent }> = [];
  for (const file of packages) contents.push({ file, content: (await loadPackage(file, io.cwd)).content });
  const views = contents.flatMap(({ file, content }) => meetingViews(content).map((v) => ({ file, ...v })));
  const allReady = views.every((v) => v.readiness.ready);

  if (options.json) {
    io.out(
      JSON.stringify(
        views.map(({ file, unit, meeting, readiness, opinions }) => ({
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
        })),
        null,
        2,
      ),
    );
    return allReady ? EXIT_OK : EXIT_NOT_READY;
  }

  if (views.length === 0) io.out('数据包中没有会议。');
  for (const { unit, meeting, readiness, members, opinions } of views) {
    const head = `${unit.name} · ${meeting.title}：${readiness.ready ? '可以召开' : `不得召开（待补 ${readiness.messages.length} 项）`}`;
    io.out(head);
    io.out(`  收集 ${readiness.totals.raw} 条，计入 ${readiness.totals.counted} 条`);
    for (const message of readiness.messages) io.out(`  - ${message}`);
    const labels = targetLabels(members.filter((m) => !m.deletedAt));
    for (const p of praiseFindings(opinions, meeting.ruleSet)) {
      const what = p.kind === 'praise' ? '仅表扬（计入，宜补充具体意见）' : '仅表扬（无意见，不计入）';
      io.out(`  · ${what} ${labels.get(p.targetId) ?? ''} · ${p.category}：${p.content.length > 40 ? `${p.content.slice(0, 40)}…` : p.content}`);
    }
  }
  const notReady = views.filter((v) => !v.readiness.ready).length;
  io.out('');
  io.out(`共 ${views.length} 次会议：可以召开 ${views.length - notReady} 次，不得召开 ${notReady} 次。`);
  return allReady ? EXIT_OK : EXIT_NOT_READY;
}
