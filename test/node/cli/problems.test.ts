// The command line with the 梳理 and problem records: `check` reports 收集/梳理 and coverage and its
// exit code honours requireFullCoverage; `export` writes the 两张清单 and the workbook when a meeting
// has problems. Exchange packages of format 1 cannot carry these records yet, so the verbs are
// driven with content built in memory (checkContents / exportContents, what the verbs run after
// reading their packages).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContents } from '../../../node/cli/commands/check';
import { exportContents } from '../../../node/cli/commands/export';
import type { MeetingContent } from '../../../node/cli/meetings';
import { emptyContent } from '#shared/package/format';
import { problemSample } from '../../support/problem-sample';
import { tempDir } from '../../support/temp-dir';
import { documentLines, officeParts } from '../../support/docx';

function content(options: { requireFullCoverage?: boolean; answerAll?: boolean } = {}): MeetingContent {
  const s = problemSample();
  const meeting = { ...s.meeting, ruleSet: { ...s.meeting.ruleSet, ...(options.requireFullCoverage ? { requireFullCoverage: true } : {}) } };
  const consolidated = options.answerAll ? s.consolidated.map((c) => (c.answer ? c : { ...c, answer: { reason: 'explained' as const, text: '已当面说明' } })) : s.consolidated;
  return { ...emptyContent(), units: [s.unit], meetings: [meeting], members: s.members, opinions: s.opinions, consolidatedOpinions: consolidated, problems: s.problems };
}

function io(cwd: string) {
  const out: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => out.push(l), cwd }, text: () => out.join('\n') };
}

describe('cli check with 梳理 and problems', () => {
  it('reports 收集/梳理 and coverage, and lists the unanswered opinion', () => {
    const r = io('/');
    const code = checkContents([{ file: 'a.mzsh.json', content: content() }], { json: false }, r.io);
    expect(r.text()).toMatch(/ {2}梳理：收集\d+条，梳理为\d+条；意见回应：梳理后意见\d+条，已回应\d+条，尚有1条未回应（\d+%）/);
    expect(r.text()).toMatch(/ {2}- 李四（副局长）：意见“.+”未列入问题清单，也未说明理由/);
    // The option is off: the exit code is readiness's alone.
    const ready = checkContents([{ file: 'a.mzsh.json', content: content({ answerAll: true }) }], { json: false }, io('/').io);
    expect(code).toBe(ready);
  });

  it('exits 1 when the meeting requires full coverage and an opinion is unanswered, and says so', () => {
    const off = checkContents([{ file: 'a', content: content({ answerAll: true }) }], { json: false }, io('/').io);
    const r = io('/');
    expect(checkContents([{ file: 'a', content: content({ requireFullCoverage: true }) }], { json: false }, r.io)).toBe(1);
    expect(r.text()).toContain('（本次会议要求意见全部回应后方可公示）');
    expect(r.text()).toContain('另有 1 次会议要求意见全部回应而尚有意见未回应。');
    expect(checkContents([{ file: 'a', content: content({ requireFullCoverage: true, answerAll: true }) }], { json: false }, io('/').io)).toBe(off);
  });

  it('gives coverage in JSON', () => {
    const r = io('/');
    checkContents([{ file: 'a', content: content({ requireFullCoverage: true }) }], { json: true }, r.io);
    const [m] = JSON.parse(r.text()) as Array<{ coverage: { full: boolean; required: boolean; answered: number; total: number; unanswered: Array<{ label: string }> }; problems: number }>;
    expect(m!.coverage).toMatchObject({ full: false, required: true });
    expect(m!.coverage.answered).toBe(m!.coverage.total - 1);
    expect(m!.coverage.unanswered.map((u) => u.label)).toEqual(['李四（副局长）']);
    expect(m!.problems).toBe(7);
  });
});

describe('cli export with problems', () => {
  it('writes the 两张清单 (公示 per target and in one, the working version in one) and the workbook', async () => {
    const dir = tempDir('cli-problems');
    const r = io(dir);
    const code = await exportContents([content()], { out: '导出', word: false, excel: false, internal: false, fonts: undefined, date: '2026-03-01' }, r.io);
    expect(code).toBe(0);
    const [folder] = readdirSync(join(dir, '导出'));
    const files = readdirSync(join(dir, '导出', folder!));
    expect(files).toContain('2025年度-某某县财政局-问题清单（全部）（公示版）.docx');
    expect(files).toContain('2025年度-某某县财政局-问题清单（全部）（工作版，内部资料）.docx');
    expect(files).toContain('2025年度-某某县财政局-00-领导班子-问题清单（公示版）.docx');
    // 张三, 李四 and 王五 have items; a member with none gets no file.
    expect(files.filter((f) => f.includes('个人问题清单（公示版）')).length).toBe(3);
    expect(files).toContain('2025年度-某某县财政局-问题清单及意见回应情况.xlsx');
    expect(r.text()).toContain('注意：问题清单工作版含原因剖析和内部备注');
    // The 公示版 is written, but the clerk is told why it may not be posted yet (as the app's 暂不能公示 says).
    expect(r.text()).toContain('注意：某某县财政局 · 2025年度民主生活会的两张清单暂不能公示：李四（副局长）第1项“服务企业改革落实不到位，审批材料仍然偏多”：缺少整改标准，五个明确不全');
    const ready = io(tempDir('cli-problems-ready'));
    const complete = content();
    await exportContents([{ ...complete, problems: complete.problems.map((p) => (p.standard === '' ? { ...p, published: false } : p)) }], { out: '导出', word: true, excel: false, internal: false, fonts: undefined, date: '2026-03-01' }, ready.io);
    expect(ready.text()).not.toContain('暂不能公示');
  });

  it('writes no problem files for a meeting without problems', async () => {
    const dir = tempDir('cli-problems-none');
    const c = content();
    await exportContents([{ ...c, problems: [], consolidatedOpinions: [] }], { out: 'o', word: true, excel: true, internal: false, fonts: undefined, date: '2026-03-01' }, io(dir).io);
    const [folder] = readdirSync(join(dir, 'o'));
    expect(readdirSync(join(dir, 'o', folder!)).filter((f) => f.includes('问题清单'))).toEqual([]);
  });
});

describe('cli export of a unit’s next meeting', () => {
  it('reports last year’s rectification (上年度整改落实情况) in the 征求意见情况报告 when the package holds last year’s ledger', async () => {
    const s = problemSample();
    const next = { ...s.meeting, id: '00000000-0000-4000-8000-0000000e2026', year: 2026, title: '2026年度民主生活会', createdAt: '2026-10-01T00:00:00.000Z' };
    const c: MeetingContent = { ...content(), meetings: [s.meeting, next], ledgerEntries: s.entries, progressEntries: s.progress };
    const dir = tempDir('cli-previous-year');
    expect(await exportContents([c], { out: 'o', word: true, excel: false, internal: false, fonts: undefined, date: '2026-11-20' }, io(dir).io)).toBe(0);
    const report = (year: number) => {
      const folder = readdirSync(join(dir, 'o')).find((f) => f.startsWith(`${year}年度`))!;
      const file = readdirSync(join(dir, 'o', folder)).find((f) => f.endsWith('征求意见情况报告.docx'))!;
      return documentLines(officeParts(new Uint8Array(readFileSync(join(dir, 'o', folder, file))))).join('\n');
    };
    expect(report(2026)).toContain('上年度整改落实情况\n2025年度民主生活会查摆问题6项，已销号1项，销号率17%；未销号5项');
    // Last year's own report has no year before it.
    expect(report(2025)).not.toContain('上年度整改落实情况');
  });
});
