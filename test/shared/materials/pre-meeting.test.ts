import { describe, expect, it } from 'vitest';
import { preMeetingDocx } from '#shared/documents/word/pre-meeting-blocks';
import { documentLines, officeParts } from '../../support/docx';
import type { ConsolidatedOpinion } from '#shared/model/problems';
import { currentPreparation, materialSchema, meetingPreparationSchema, type MaterialRecord } from '#shared/model/preparation';
import { parseRecord } from '#shared/model/zod-fields';
import { DEFAULT_MATERIAL_RULES } from '#shared/materials/rules';
import { reviewMaterials } from '#shared/materials/review';
import { preMeetingChecklist, type PreMeetingInput } from '#shared/supervision/pre-meeting';
import { LI_HONG_ANSWERS, materialRef, readMaterial, ZHAO_QIANG_ANSWERS } from '../../support/materials';
import { problemItem } from '../../support/problem-sample';
import { fakeUuid } from '../../support/sample-content';

const MEETING = fakeUuid(700);
const T = '2025-11-20T08:00:00.000Z';
const LI = fakeUuid(2);
const ZHAO = fakeUuid(3);
const targets = [
  { id: LI, label: '李红（副局长）', name: '李红' },
  { id: ZHAO, label: '赵强（副局长）', name: '赵强' },
];

function material(n: number, targetId: string, file: string): MaterialRecord {
  const doc = readMaterial(file);
  return { id: fakeUuid(n), meetingId: MEETING, targetId, origin: { kind: 'docx', file }, title: doc.title, blocks: doc.blocks, createdAt: T, updatedAt: T };
}

function consolidated(n: number, targetId: string, text: string): ConsolidatedOpinion {
  return { id: fakeUuid(n), meetingId: MEETING, targetId, text, dimension: '', sourceIds: [fakeUuid(n + 1000)], mergedFrom: [], order: n, createdAt: T, updatedAt: T };
}

function reviews(materials: MaterialRecord[]) {
  const [li1, li2, p1] = LI_HONG_ANSWERS;
  const [z1, z2] = ZHAO_QIANG_ANSWERS;
  return reviewMaterials({
    targets,
    materials,
    consolidated: [consolidated(10, LI, li1!.text), consolidated(11, LI, li2!.text), consolidated(12, ZHAO, z1!.text), consolidated(13, ZHAO, z2!.text)],
    problems: [problemItem({ id: fakeUuid(20), meetingId: MEETING, targetId: LI, description: p1!.text })],
    dimensions: [],
    rules: DEFAULT_MATERIAL_RULES,
    ref: (m) => ({ unitId: '交通运输局', meetingId: MEETING, year: 2025, targetId: m.targetId, person: m.targetId, label: `交通运输局·${targets.find((t) => t.id === m.targetId)!.name}·2025年度` }),
    others: [materialRef('2025-农业农村局-张伟-对照检查材料.docx')],
  });
}

const ready: PreMeetingInput['readiness'] = { ready: true, messages: [], totals: { raw: 46, counted: 38, nonSubstantive: 2, duplicates: 6 } };
const talksDone: PreMeetingInput['talks'] = { complete: true, required: 8, missing: [], messages: [] };

describe('preparation records', () => {
  it('accepts a preparation and a material, and refuses bad ones in Chinese', () => {
    const prep = { id: fakeUuid(1), meetingId: MEETING, planSubmittedOn: '2025-11-05', studySessions: [{ date: '2025-11-12', topic: '学习党的二十届四中全会精神' }], createdAt: T, updatedAt: T };
    expect(parseRecord(meetingPreparationSchema, prep)).toMatchObject({ ok: true });
    expect(parseRecord(meetingPreparationSchema, { ...prep, planSubmittedOn: '11月5日' })).toMatchObject({ ok: false, error: '方案报送日期应为 YYYY-MM-DD 日期或留空' });
    expect(parseRecord(meetingPreparationSchema, { ...prep, studySessions: [{ date: '2025-11-12', topic: '' }] })).toMatchObject({ ok: false, error: '学习研讨主题不能为空' });
    const m = material(30, LI, '2025-交通运输局-李红-对照检查材料.docx');
    expect(parseRecord(materialSchema, m)).toMatchObject({ ok: true });
    expect(parseRecord(materialSchema, { ...m, blocks: [] })).toMatchObject({ ok: false, error: '材料没有内容' });
    expect(parseRecord(materialSchema, { ...m, origin: { kind: 'pdf' } })).toMatchObject({ ok: false, error: '材料来源应为 Word 文件或粘贴' });
  });
});

describe('reviewing a meeting’s materials', () => {
  it('reads each target’s material against its own opinions and problems, and finds the paragraph another unit shares', () => {
    const [li, zhao] = reviews([material(30, LI, '2025-交通运输局-李红-对照检查材料.docx'), material(31, ZHAO, '2025-交通运输局-赵强-对照检查材料.docx')]);
    expect(li!.report!.answers.map((a) => [a.kind, a.taken])).toEqual([
      ['opinion', true],
      ['opinion', true],
      ['problem', true],
    ]);
    expect(li!.warnings.map((w) => w.kind)).toEqual(['copy']);
    expect(li!.warnings[0]!.message).toMatch(/^与其他单位的材料雷同（相似度 \d+%）：农业农村局·张伟·2025年度$/);
    expect(li!.warnings[0]!.quotes[1]).toContain('农业综合行政执法大队');
    expect(zhao!.warnings[0]).toMatchObject({ kind: 'ignores-opinions', quotes: ZHAO_QIANG_ANSWERS.map((a) => a.text) });
  });
});

describe('the pre-meeting checklist', () => {
  it('is complete when every item is done, each with its evidence', () => {
    const [li] = reviews([material(30, LI, '2025-交通运输局-李红-对照检查材料.docx')]);
    const clean = { ...li!, copies: [], warnings: [] };
    const c = preMeetingChecklist({
      plannedDate: '2025-12-01',
      planLeadDays: 15,
      preparation: { planSubmittedOn: '2025-11-05', studySessions: [{ date: '2025-11-12', topic: '学习党的二十届四中全会精神' }] },
      readiness: ready,
      talks: talksDone,
      materials: [clean],
      ledger: { previous: [{ id: fakeUuid(80), status: 'closed', accountNumber: '2024-交通运输局-班子-001' }], current: [] },
    });
    expect(c.items.map((i) => `${i.label}：${i.status === 'done' ? '已完成' : i.status}｜${i.evidence.join('；')}`)).toEqual([
      '方案报送：已完成｜方案于2025年11月5日报送，距会议召开26天（要求提前15天）',
      '学习研讨：已完成｜会前集中学习研讨1次，最近一次2025年11月12日：学习党的二十届四中全会精神',
      '征求意见：已完成｜收集意见建议46条，计入38条，各对象各类来源意见均达到要求',
      '谈心谈话：已完成｜谈心谈话应谈8对，已全部完成',
      '对照检查材料：已完成｜李红（副局长）已提交，未发现问题',
      '上年度整改：已完成｜上年度整改事项1项：已销号1项，长期坚持0项，结转本年度0项',
    ]);
    expect(c.complete).toBe(true);
    expect(c.summary).toBe('会前准备6项：已完成6项');
    expect(c.tickable).toEqual([]);
  });

  it('counts each of last year’s items once for 上年度整改: a carried 长期坚持 item is 结转本年度, not 长期坚持 too', () => {
    const c = preMeetingChecklist({
      plannedDate: '2025-12-01',
      planLeadDays: 15,
      preparation: undefined,
      readiness: { ready: true, messages: [], totals: { raw: 0, counted: 0, nonSubstantive: 0, duplicates: 0 } },
      talks: { complete: true, required: 0, missing: [], messages: [] },
      materials: [],
      ledger: {
        previous: [
          { id: fakeUuid(80), status: 'closed', accountNumber: '2024-交通运输局-班子-001' },
          { id: fakeUuid(81), status: 'ongoing', accountNumber: '2024-交通运输局-班子-002' },
        ],
        current: [{ carriedFrom: { entryId: fakeUuid(81), meetingId: fakeUuid(1), accountNumber: '2024-交通运输局-班子-002' } }],
      },
    });
    expect(c.items.find((i) => i.key === 'rectification')!.evidence).toEqual(['上年度整改事项2项：已销号1项，长期坚持0项，结转本年度1项']);
  });

  it('says what is missing: a late plan, no study, shortfalls, missing talks, a missing or sent-back material, unreported rectification', () => {
    const materials = reviews([material(31, ZHAO, '2025-交通运输局-赵强-对照检查材料.docx')]);
    const c = preMeetingChecklist({
      plannedDate: '2025-12-01',
      planLeadDays: 10,
      preparation: { planSubmittedOn: '2025-11-25', studySessions: [{ date: '2025-12-10', topic: '会后学习' }] },
      readiness: { ready: false, messages: ['赵强（副局长）：基层群众意见 1 条，至少需 2 条'], totals: { raw: 20, counted: 18, nonSubstantive: 0, duplicates: 2 } },
      talks: { complete: false, required: 8, missing: [{} as never], messages: ['赵强（副局长）与分管的审批服务科负责人尚未谈心谈话（班子成员与分管部门负责人）'] },
      materials,
      ledger: {
        previous: [
          { id: fakeUuid(80), status: 'closed', accountNumber: '2024-交通运输局-班子-001' },
          { id: fakeUuid(81), status: 'in-progress', accountNumber: '2024-交通运输局-班子-002' },
          { id: fakeUuid(82), status: 'in-progress', accountNumber: '2024-交通运输局-李红-001' },
        ],
        current: [{ carriedFrom: { entryId: fakeUuid(82), meetingId: fakeUuid(1), accountNumber: '2024-交通运输局-李红-001' } }],
      },
    });
    const byKey = Object.fromEntries(c.items.map((i) => [i.key, i]));
    expect(c.items.every((i) => i.status === 'not-done')).toBe(true);
    expect(byKey.plan!.evidence).toEqual(['方案于2025年11月25日报送，仅提前6天，少于要求的10天']);
    expect(byKey.study!.evidence).toEqual(['尚未录入会前学习研讨']);
    expect(byKey.opinions!.evidence).toEqual(['收集意见建议20条，计入18条', '赵强（副局长）：基层群众意见 1 条，至少需 2 条']);
    expect(byKey.talks!.evidence[0]).toBe('谈心谈话应谈8对，已谈7对，尚缺1对');
    expect(byKey.materials!.evidence[0]).toBe('李红（副局长）尚未提交对照检查材料');
    expect(byKey.materials!.evidence[1]).toMatch(/^赵强（副局长）：未回应意见、.*套话多.*（\d+处）$/);
    expect(byKey.rectification!.evidence).toEqual(['上年度整改事项3项：已销号1项，长期坚持0项，结转本年度1项', '1项既未销号也未结转：2024-交通运输局-班子-002']);
    expect(c.summary).toBe('会前准备6项：已完成0项，未完成6项');
    expect(c.tickable).toContain('方案报送：方案于2025年11月25日报送，仅提前6天，少于要求的10天');
  });

  it('leaves to a person what the app cannot know: no plan date for the meeting, no ledger of last year', () => {
    const c = preMeetingChecklist({ plannedDate: '', planLeadDays: 15, preparation: { planSubmittedOn: '2025-11-05', studySessions: [] }, readiness: ready, talks: talksDone, materials: [] });
    expect(c.items.find((i) => i.key === 'plan')).toMatchObject({ status: 'unknown', evidence: ['方案于2025年11月5日报送；会议召开日期未定，无法核对是否提前15天'] });
    // Said the same in the app and on the command line, which reads packages, not this machine.
    expect(c.items.find((i) => i.key === 'rectification')).toMatchObject({ status: 'unknown', evidence: ['没有找到上年度民主生活会的整改台账，请核对上年度整改落实情况是否已报告'] });
    const many = preMeetingChecklist({ plannedDate: '', planLeadDays: 15, readiness: ready, talks: { complete: false, required: 9, missing: [], messages: Array.from({ length: 7 }, (_, i) => `第${i + 1}对尚未谈心谈话`) }, materials: [] });
    expect(many.items.find((i) => i.key === 'talks')!.evidence.slice(-2)).toEqual(['第5对尚未谈心谈话', '另有2项未完成，详见谈心谈话情况表']);
    expect(c.items.find((i) => i.key === 'materials')).toMatchObject({ status: 'not-done', evidence: ['尚无对照检查材料'] });
    expect(c.summary).toBe('会前准备6项：已完成2项，未完成2项，待核实2项');
  });
});

describe('the 会前准备 section of the 督导审核意见', () => {
  it('lists the checklist and each material’s warnings, with a copied paragraph beside its source', async () => {
    const materials = reviews([material(30, LI, '2025-交通运输局-李红-对照检查材料.docx'), material(31, ZHAO, '2025-交通运输局-赵强-对照检查材料.docx')]);
    const checklist = preMeetingChecklist({ plannedDate: '2025-12-01', planLeadDays: 15, preparation: { planSubmittedOn: '2025-11-25', studySessions: [] }, readiness: ready, talks: talksDone, materials });
    const bytes = await preMeetingDocx({ title: '交通运输局2025年度民主生活会', checklist, reviews: materials, mode: 'compatible' });
    const lines = documentLines(officeParts(bytes));
    expect(lines).toContain('一、会前准备情况');
    expect(lines).toContain('会前准备6项：已完成2项，未完成3项，待核实1项。');
    expect(lines).toContain('二、对照检查材料审核情况');
    expect(lines).toContain('（二）赵强（副局长）');
    expect(lines.some((l) => l.startsWith('1.未回应征求到的意见：2条意见和查摆问题中有2条在材料中没有体现'))).toBe(true);
    expect(lines.some((l) => l.includes('有1段文字与其他材料相同或近似'))).toBe(true);
    expect(lines.some((l) => l.includes('农业综合行政执法大队'))).toBe(true);
  });
});

describe('the 会前准备 record of a meeting', () => {
  it('is the live one saved last, when two machines each made one', () => {
    const base = { meetingId: 'm', planSubmittedOn: '', studySessions: [], createdAt: '2026-11-01T00:00:00.000Z' };
    const older = { ...base, id: 'a', updatedAt: '2026-11-02T00:00:00.000Z', planSubmittedOn: '2026-11-01' };
    const newer = { ...base, id: 'b', updatedAt: '2026-11-05T00:00:00.000Z', planSubmittedOn: '2026-11-03' };
    const deleted = { ...base, id: 'c', updatedAt: '2026-11-09T00:00:00.000Z', deletedAt: '2026-11-09T00:00:00.000Z' };
    const other = { ...base, id: 'd', meetingId: 'n', updatedAt: '2026-11-10T00:00:00.000Z' };
    expect(currentPreparation([newer, older, deleted, other], 'm')?.id).toBe('b');
    expect(currentPreparation([older, newer], 'm')?.id).toBe('b');
    expect(currentPreparation([deleted, other], 'm')).toBeUndefined();
  });
});
