import { basename, resolve } from 'node:path';
import { version } from '../../../package.json';
import { buildPackage, isOptionalTable, PACKAGE_TABLE_LABELS, PACKAGE_TABLES, readPackage } from '#shared/package/format';
import { mergePackages } from '#shared/package/merge-packages';
import { nowIso } from '#shared/util/ids';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from '../errors';
import { loadPackage, writeUserFile, type CliIo } from '../io';

export const MERGE_HELP = `merge PACKAGE… --out FILE
    把多个数据包合并为一个（如把各单位的数据包合并为全县的数据包），规则与工作台“打开数据包（合并）”相同：
    按编号合并；同一记录在两个数据包中内容不同即为冲突（同一单位较晚导出的数据包除外：以较晚的为准，并另行提示）；
    记录编号与其他单位、会议或类别的记录相同则拒绝。
    退出码：0 已合并并写入；1 有冲突（逐条列出，未写入）；2 数据包被拒绝或输入有误（未写入）。`;

/** Exit code of `merge` when packages disagree about a record: conflicts listed, nothing written. */
const EXIT_CONFLICTS = 1;

/** `merge`: the packages as one, written atomically to --out; nothing is written on a conflict or refusal. */
export async function mergeCommand(packages: string[], options: { out: string | undefined }, io: CliIo): Promise<number> {
  if (options.out === undefined || options.out.trim() === '') throw new CliError('请用 --out 指定合并后的数据包文件');
  const loaded = [];
  for (const file of packages) {
    const pkg = await loadPackage(file, io.cwd);
    loaded.push({ name: basename(file), content: pkg.content, exportedAt: pkg.exportedAt });
  }
  const result = mergePackages(loaded);
  if (!result.ok && result.kind === 'refused') {
    io.err(`错误：${result.error}`);
    return EXIT_BAD_INPUT;
  }
  if (!result.ok) {
    io.out(`有 ${result.conflicts.length} 处冲突：同一记录在不同数据包中内容不同。未写入任何文件。`);
    for (const c of result.conflicts) io.out(`  - “${c.file}”中的${c.label}（${PACKAGE_TABLE_LABELS[c.table]}编号 ${c.id}）：${c.message ?? `${c.fields.join('、')}与之前的数据包不同`}`);
    io.out('请在工作台中逐个打开这些数据包，选择保留哪一方后再导出。');
    return EXIT_CONFLICTS;
  }
  const bytes = buildPackage(result.content, { appVersion: version, exportedAt: nowIso() });
  // The merged package must read back as any package does (references, every record) before it replaces anything.
  const check = readPackage(bytes);
  if (!check.ok) throw new CliError(`合并结果无法通过检查，未写入：${check.error}`);
  await writeUserFile(options.out, io.cwd, bytes);
  for (const note of result.notes) io.out(`提示：${note}`);
  // The follow-up tables (format 2) and the cell pictures are named only when they hold records.
  const listed = PACKAGE_TABLES.filter((t) => t !== 'changeLog' && (result.content[t].length > 0 || !isOptionalTable(t)));
  const counts = listed.map((t) => `${PACKAGE_TABLE_LABELS[t]} ${result.content[t].length}`);
  io.out(`已合并 ${packages.length} 个数据包 → ${resolve(io.cwd, options.out)}（${counts.join('，')}）`);
  return EXIT_OK;
}
