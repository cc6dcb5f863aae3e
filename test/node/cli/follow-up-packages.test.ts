// The command line over format-2 packages with follow-up records (梳理, 查摆问题, 整改台账 …):
// `merge` unites two machines' ledgers (progress a union; status changed on both sides a conflict
// with the ledger's message), `verify` names the new records, `check` and `overview` still read them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerStatus, ProgressEntry } from '#shared/model/ledger';
import { buildPackage, readPackage } from '#shared/package/format';
import { formatDateTime } from '#shared/util/dates';
import { cli } from '../../support/cli';
import { documentLines, officeParts } from '../../support/docx';
import { withFollowUp } from '../../support/follow-up-sample';
import { fakeUuid, sampleContent } from '../../support/sample-content';
import { tempDir } from '../../support/temp-dir';

const META = { appVersion: '0.2.0', exportedAt: '2026-12-06T00:00:00.000Z' };
const noTrace = /at .+\(.+:\d+:\d+\)/;

function moved(entry: LedgerEntry, to: LedgerStatus, by: string, at: string): LedgerEntry {
  return { ...entry, status: to, history: [...entry.history, { at, from: entry.status, to, by, reason: '' }], updatedAt: at };
}

function progress(entry: LedgerEntry, n: number, text: string): ProgressEntry {
  return { id: fakeUuid(700_000 + n), meetingId: entry.meetingId, entryId: entry.id, date: '2025-12-10', text, by: '办公室', createdAt: '2025-12-10T08:00:00.000Z' };
}

/** One unit's data on two machines: 甲 reported progress, 乙 reported progress and asked for 销号. */
function twoMachines() {
  const dir = tempDir('cli-follow-up');
  const base = withFollowUp(sampleContent({ units: 1 }));
  const entry = base.ledgerEntries[0]!;
  const a = structuredClone(base);
  a.progressEntries.push(progress(entry, 1, '甲：制定整改方案'));
  const b = structuredClone(base);
  b.progressEntries.push(progress(entry, 2, '乙：完成三次基层调研'));
  b.ledgerEntries[0] = moved(entry, 'closure-requested', '乙', '2025-12-12T08:00:00.000Z');
  writeFileSync(join(dir, '甲.mzsh.json'), buildPackage(a, META));
  writeFileSync(join(dir, '乙.mzsh.json'), buildPackage(b, META));
  return { dir, base, entry };
}

describe('the command line over packages with follow-up records', () => {
  it('merges two machines\' ledgers: every progress report kept, the later status taken (exit 0)', async () => {
    const { dir, entry } = twoMachines();
    const r = await cli(['merge', '甲.mzsh.json', '乙.mzsh.json', '--out', '合并.mzsh.json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/梳理后意见 1，查摆问题 1，整改台账 1，整改进展 3，谈心谈话 1，会前准备 1，对照检查材料 1）$/m);
    const merged = readPackage(new Uint8Array(readFileSync(join(dir, '合并.mzsh.json'))));
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.package.formatVersion).toBe(2);
    expect(merged.package.content.progressEntries.map((p) => p.text).sort()).toEqual(['乙：完成三次基层调研', '已制定整改方案', '甲：制定整改方案'].sort());
    expect(merged.package.content.ledgerEntries.find((e) => e.id === entry.id)!.status).toBe('closure-requested');
  });

  it('lists a status changed on both machines as a conflict and writes nothing (exit 1)', async () => {
    const { dir, base, entry } = twoMachines();
    const c = structuredClone(base);
    c.ledgerEntries[0] = moved(entry, 'ongoing', '丙', '2025-12-11T08:00:00.000Z');
    writeFileSync(join(dir, '丙.mzsh.json'), buildPackage(c, META));
    const r = await cli(['merge', '乙.mzsh.json', '丙.mzsh.json', '--out', '合并.mzsh.json'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`  - “丙.mzsh.json”中的整改台账 ${entry.accountNumber}（整改台账编号 ${entry.id}）：台账 ${entry.accountNumber}：两边都改变了状态（本机为“申请销号”，导入数据为“长期坚持”），请核对后选择`);
    expect(existsSync(join(dir, '合并.mzsh.json'))).toBe(false);
  });

  it('verifies a format-2 package naming its follow-up records, and reads it in check and overview', async () => {
    const { dir } = twoMachines();
    const v = await cli(['verify', '甲.mzsh.json'], dir);
    expect(v.code).toBe(0);
    // Times as the app shows them (YYYY-MM-DD HH:mm:ss, local), never the raw ISO stamp.
    expect(v.out).toContain(`查摆问题 1，整改台账 1，整改进展 2，谈心谈话 1，会前准备 1，对照检查材料 1；格式版本 2，导出于 ${formatDateTime('2026-12-06T00:00:00.000Z')}）`);
    const check = await cli(['check', '甲.mzsh.json'], dir);
    expect([0, 1]).toContain(check.code);
    expect(check.out).toContain('测试单位1');
    const overview = await cli(['overview', '甲.mzsh.json'], dir);
    expect([0, 1]).toContain(overview.code);
    expect(overview.out).toContain('测试单位1');
    expect(v.err + check.err + overview.err).not.toMatch(noTrace);
  });

  it('exports the 整改 files of a meeting with a ledger, as the app’s 整改清单与整改台账 card does', async () => {
    const { dir } = twoMachines();
    const r = await cli(['export', '甲.mzsh.json', '--out', '导出', '--date', '2026-01-15'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const folder = join(dir, '导出', '2025年度-测试单位1');
    const files = readdirSync(folder);
    expect(files).toContain('2025年度-测试单位1-整改落实情况报告.docx');
    expect(files).toContain('2025年度-测试单位1-整改台账.xlsx');
    expect(files).toContain('2025年度-测试单位1-整改清单（公示版）.docx');
    const report = documentLines(officeParts(new Uint8Array(readFileSync(join(folder, '2025年度-测试单位1-整改落实情况报告.docx'))))).join('\n');
    expect(report).toContain('截至2026年1月15日');
    expect(r.out).toMatch(new RegExp(`测试单位1 · 2025年度民主生活会：${files.length} 个文件`));
  });

  it('refuses a package whose ledger entry names a problem it does not carry (exit 2)', async () => {
    const { dir, base } = twoMachines();
    const bad = structuredClone(base);
    bad.problems = [];
    bad.ledgerEntries[0]!.problemId = fakeUuid(999_999);
    writeFileSync(join(dir, '残缺.mzsh.json'), buildPackage(bad, META));
    const r = await cli(['verify', '残缺.mzsh.json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`有问题  残缺.mzsh.json：数据包不完整：整改台账 ${base.ledgerEntries[0]!.accountNumber} 对应的查摆问题不在该会议中`);
  });
});
