// The 会前准备 section opened by another office suite: LibreOffice converts it to PDF, and the pages
// hold the checklist, each person's warnings and the copied paragraph beside its source, numbered
// `— N —`. Fails, naming the tool, when LibreOffice or poppler-utils is absent (test/support/libreoffice.ts).
import { describe, expect, it } from 'vitest';
import { preMeetingDocx } from '#shared/documents/word/pre-meeting-blocks';
import { reviewMaterials } from '#shared/materials/review';
import { DEFAULT_MATERIAL_RULES } from '#shared/materials/rules';
import { DEFAULT_DIMENSION_SETS } from '#shared/model/dimensions';
import type { MaterialRecord } from '#shared/model/preparation';
import { preMeetingChecklist } from '#shared/supervision/pre-meeting';
import { materialRef, readMaterial, ZHAO_QIANG_ANSWERS } from '../../support/materials';
import { convertToPdf } from '../../support/libreoffice';
import { fakeUuid } from '../../support/sample-content';

const T = '2025-11-20T08:00:00.000Z';
const MEETING = fakeUuid(700);

describe('the 会前准备 section opens in LibreOffice', () => {
  it('converts to PDF with the checklist, the warnings and the copied paragraph side by side', { timeout: 180_000 }, async () => {
    const targets = [
      { id: fakeUuid(1), label: '王明（党组书记、局长）', name: '王明' },
      { id: fakeUuid(2), label: '李红（副局长）', name: '李红' },
      { id: fakeUuid(3), label: '赵强（副局长）', name: '赵强' },
    ];
    const files = ['2025-交通运输局-王明-对照检查材料.docx', '2025-交通运输局-李红-对照检查材料.docx', '2025-交通运输局-赵强-对照检查材料.docx'];
    const materials: MaterialRecord[] = files.map((file, i) => {
      const doc = readMaterial(file);
      return { id: fakeUuid(30 + i), meetingId: MEETING, targetId: targets[i]!.id, origin: { kind: 'docx', file }, title: doc.title, blocks: doc.blocks, createdAt: T, updatedAt: T };
    });
    const reviews = reviewMaterials({
      targets,
      materials,
      consolidated: ZHAO_QIANG_ANSWERS.map((a, i) => ({ id: fakeUuid(40 + i), meetingId: MEETING, targetId: fakeUuid(3), text: a.text, dimension: '', sourceIds: [], mergedFrom: [], order: i, createdAt: T, updatedAt: T })),
      problems: [],
      dimensions: DEFAULT_DIMENSION_SETS.find((s) => s.year === 2025)!.dimensions,
      rules: DEFAULT_MATERIAL_RULES,
      ref: (m) => ({ unitId: '交通运输局', meetingId: MEETING, year: 2025, targetId: m.targetId, person: m.targetId, label: `交通运输局·${targets.find((t) => t.id === m.targetId)!.name}·2025年度` }),
      others: [materialRef('2025-农业农村局-张伟-对照检查材料.docx')],
    });
    const checklist = preMeetingChecklist({
      plannedDate: '2025-12-01',
      planLeadDays: 15,
      preparation: { planSubmittedOn: '2025-11-10', studySessions: [{ date: '2025-11-12', topic: '学习党的二十届四中全会精神' }] },
      readiness: { ready: true, messages: [], totals: { raw: 46, counted: 38, nonSubstantive: 0, duplicates: 0 } },
      talks: { complete: true, required: 9, missing: [], messages: [] },
      materials: reviews,
      ledger: { previous: [], current: [] },
    });
    const { pdf } = convertToPdf('lo-pre-meeting', { 'pre.docx': await preMeetingDocx({ title: '交通运输局2025年度民主生活会', checklist, reviews, mode: 'official' }) });
    const flat = pdf('pre.docx').reading;
    for (const text of ['会前准备6项：已完成5项，未完成1项', '方案于2025年11月10日报送，距会议召开21天', '成绩一大段、问题一点点', '未回应征求到的意见', '农业综合行政执法大队', '交通运输执法大队', '—1—']) {
      expect(flat, text).toContain(text);
    }
  });
});
