// Rules at their edges: each test here fails when its rule is changed in a plausible way
// (`<` for `<=`, one id for another, a flag bit, a limit, a trimmed end), which the tests of the
// rules' ordinary cases let pass.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectCopies, type CopyCandidate } from '#shared/checks/copy-detection';
import { computeReadiness } from '#shared/checks/readiness';
import { meetingFolderName, reportFileName, safeFileName } from '#shared/documents/file-names';
import { safeName } from '#shared/files/safe-names';
import type { MeetingDocs } from '#shared/documents/meeting-docs';
import { readCompoundWorkbook } from '#shared/import/cfb-guard';
import { MAX_CFB_ENTRIES } from '#shared/import/limits';
import { readWorkbook } from '#shared/import/read-workbook';
import { inspectZip } from '#shared/import/zip-guard';
import { defaultRuleSet } from '#shared/model/rule-set';
import { GROUP_TARGET, type RuleSet } from '#shared/model/types';
import { fixtureBytes } from '../../support/import-fixtures';

describe('the minimum per named provider', () => {
  const rules: RuleSet = { ...defaultRuleSet(), categories: ['上级领导'], minPerCategory: 1, minPerProvider: 2 };
  const members = [{ id: 'm1', name: '张三', position: '县长', rank: 1 }];
  const opinion = (targetId: string, content: string, provider: string) => ({ targetId, category: '上级领导', content, provider });
  const base = [opinion(GROUP_TARGET, '班子调研不够深入，基层情况掌握不全', '')];

  it('is met by a provider who gives exactly the minimum', () => {
    const r = computeReadiness({ members, opinions: [...base, opinion('m1', '调研不够深入，基层情况掌握不全', '县发改局'), opinion('m1', '理论学习不够系统，以会代学', '县发改局')] }, rules);
    expect(r.providerShortfalls).toEqual([]);
    expect(r.ready).toBe(true);
  });

  it('is missed by a provider who gives one fewer, and the same opinion twice counts once', () => {
    const r = computeReadiness({ members, opinions: [...base, opinion('m1', '调研不够深入，基层情况掌握不全', '县发改局'), opinion('m1', '调研不够深入，基层情况掌握不全。', '县发改局')] }, rules);
    expect(r.providerShortfalls).toMatchObject([{ targetId: 'm1', providers: 1, need: 2 }]);
    expect(r.ready).toBe(false);
  });
});

describe('疑似抄袭 (copies across units)', () => {
  let seq = 0;
  const candidate = (unitId: string, meetingId: string, content: string): CopyCandidate => ({
    id: `o${++seq}`,
    unitId,
    meetingId,
    targetId: 'm1',
    category: '上级领导',
    content,
    createdAt: `2025-11-01T08:00:${String(seq).padStart(2, '0')}.000Z`,
  });
  const text = '深入基层调研不够，对分管领域的困难群众情况掌握不全面';

  it('never links one unit’s meetings of two years to each other', () => {
    const warnings = detectCopies([candidate('u1', 'u1-2024', text), candidate('u1', 'u1-2025', text), candidate('u1', 'u1-2025', `${text}。`)], { kinds: ['cross-unit'] });
    expect(warnings).toEqual([]);
  });

  it('links each of them to another unit that has the same text', () => {
    const own = [candidate('u1', 'u1-2024', text), candidate('u1', 'u1-2025', text)];
    const other = candidate('u2', 'u2-2025', text);
    const warnings = detectCopies([...own, other], { kinds: ['cross-unit'] });
    const pairs = warnings.map((w) => `${w.a.unitId}→${w.b.unitId}`);
    expect(pairs.filter((p) => p === 'u1→u2')).toHaveLength(2);
    expect(pairs).toContain('u2→u1');
    expect(pairs).not.toContain('u1→u1');
  });
});

/** A copy of a zip whose central-directory entry named `part` has its general-purpose flags changed. */
function withFlags(zip: Uint8Array, part: string, set: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let p = 0; p + 46 <= bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + view.getUint16(p + 28, true)));
    if (name !== part) continue;
    view.setUint16(p + 8, view.getUint16(p + 8, true) | set, true);
    return bytes;
  }
  throw new Error(`no part ${part}`);
}

describe('encrypted parts of an .xlsx', () => {
  const xlsx = fixtureBytes('synonym-headers.xlsx');

  it('refuses a workbook one of whose parts has general-purpose bit 0 (encrypted) set', () => {
    expect(inspectZip(xlsx)).toMatchObject({ ok: true });
    expect(inspectZip(withFlags(xlsx, 'xl/worksheets/sheet1.xml', 0x0001))).toEqual({ ok: false, error: '已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' });
    expect(readWorkbook(withFlags(xlsx, 'xl/workbook.xml', 0x0001), '加密.xlsx')).toEqual({ ok: false, error: '“加密.xlsx”已加密（设置了打开密码），请先在 Excel 或 WPS 中取消密码再导入' });
  });

  it('reads a workbook whose parts set other flags (UTF-8 names, bit 11)', () => {
    expect(inspectZip(withFlags(xlsx, 'xl/worksheets/sheet1.xml', 0x0800))).toMatchObject({ ok: true });
  });
});

describe('the directory-entry limit of a legacy .xls', () => {
  const source = XLSX.CFB.read(readFileSync(resolve(__dirname, '../../fixtures/import/legacy.xls')), { type: 'buffer' });
  const workbook = XLSX.CFB.find(source, '/Workbook')!.content;

  /** The fixture's workbook stream in a container with `extra` more one-byte streams. */
  function container(extra: number): Uint8Array {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/Workbook', workbook);
    // `unsafe` skips SheetJS's tree rebuild after every add (quadratic); write() builds it once.
    for (let i = 0; i < extra; i++) XLSX.CFB.utils.cfb_add(cfb, `/S${i}`, new Uint8Array([i & 255]), { unsafe: true });
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
  }

  it(`reads a container with exactly ${MAX_CFB_ENTRIES} directory entries and refuses the next size up`, () => {
    // The root, the workbook and SheetJS's own marker stream come with the extra streams.
    const atLimit = container(MAX_CFB_ENTRIES - 3);
    expect(XLSX.CFB.read(atLimit, { type: 'array' }).FileIndex).toHaveLength(MAX_CFB_ENTRIES);
    expect(readCompoundWorkbook(atLimit)).toMatchObject({ ok: true });
    // One more entry takes a new directory sector: four more entries (512-byte sectors, 128-byte entries).
    expect(readCompoundWorkbook(container(MAX_CFB_ENTRIES - 2))).toEqual({
      ok: false,
      error: `内部包含 ${MAX_CFB_ENTRIES + 4} 个目录项，超过上限 ${MAX_CFB_ENTRIES} 个，不像正常的 Excel 文件，已拒绝`,
    });
  });
});

describe('file and folder names ending in dots or spaces', () => {
  it.each([
    ['某某局.', '某某局'],
    ['某某局...', '某某局'],
    ['某某局 ', '某某局'],
    ['某某局 . .', '某某局'],
    ['.某某局', '某某局'],
    ['某某局.汇总', '某某局.汇总'],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('does not leave a dot or space at the end where the name is cut to length', () => {
    // Budgets in UTF-8 bytes: 甲 takes 3, so the cut ends on the space or on the dots.
    expect(safeName(`${'甲'.repeat(9)} 乙`, 30)).toBe('甲'.repeat(9));
    expect(safeName(`${'甲'.repeat(8)}.. 乙乙乙乙乙乙乙乙乙乙`, 26)).toBe('甲'.repeat(8));
  });

  it('gives a meeting folder and its files names without a trailing dot or space', () => {
    // `2025年度-` and 112 characters, then a space where the name is cut at 120.
    const docs = { input: { meeting: { year: 2025 }, unit: { name: `${'某'.repeat(112)} 局.` } } } as unknown as MeetingDocs;
    expect(meetingFolderName(docs)).not.toMatch(/[. ]$/);
    expect(reportFileName(docs)).toMatch(/[^. ]\.docx$/);
  });
});
