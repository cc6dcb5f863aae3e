// Each target's 对照检查材料 reviewed for the checklist, the audit tab and the documents: the material
// checks against that target's consolidated opinions and problem items, and the copies found among
// this meeting's materials, other units' and last year's. Computed once, read everywhere.
import type { ConsolidatedOpinion, ProblemItem } from '../model/problems';
import type { MaterialRecord } from '../model/preparation';
import { checkMaterial, type MaterialReport, type MaterialWarning, type OpinionToAnswer } from './checks';
import { materialCopies, materialCopyText, type MaterialCopy, type MaterialRef } from './copies';
import type { MaterialRules } from './rules';

export interface MaterialReview {
  targetId: string;
  label: string;
  material?: MaterialRecord;
  report?: MaterialReport;
  copies: MaterialCopy[];
  /** Every warning, copies included, as a supervisor cites them. */
  warnings: MaterialWarning[];
}

/** Warnings that send a material back (不回应意见、成绩一大段、抄袭雷同); the others are for the talk with the author. */
export const SEND_BACK_KINDS: ReadonlySet<MaterialWarning['kind']> = new Set(['ignores-opinions', 'problem-share', 'achievements-dominate', 'no-problem-section', 'copy']);

/**
 * Reviews the materials of one meeting. `others` are materials of other units and earlier years to
 * compare with (as MaterialRef); this meeting's own are built from `materials` with `ref`.
 */
export function reviewMaterials(input: {
  targets: ReadonlyArray<{ id: string; label: string; name: string }>;
  materials: readonly MaterialRecord[];
  consolidated: readonly ConsolidatedOpinion[];
  problems: readonly ProblemItem[];
  /** Raw opinions read for a target none of whose opinions are consolidated yet (the caller picks those that count). */
  rawOpinions?: ReadonlyArray<{ id: string; targetId: string; text: string }>;
  dimensions: readonly string[];
  rules: MaterialRules;
  /** How this meeting's materials are named and placed for the copy comparison. */
  ref: (m: MaterialRecord) => Omit<MaterialRef, 'doc' | 'id'>;
  others: readonly MaterialRef[];
}): MaterialReview[] {
  const live = input.materials.filter((m) => !m.deletedAt);
  const own: MaterialRef[] = live.map((m) => ({ ...input.ref(m), id: m.id, doc: { title: m.title, blocks: m.blocks } }));
  const copies = materialCopies([...own, ...input.others], { focus: new Set(own.map((m) => m.id)) });
  const names = input.targets.map((t) => t.name).filter((n) => n !== '');
  return input.targets.map((t) => {
    // The latest live material of a target is the one read.
    const material = live.filter((m) => m.targetId === t.id).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    if (!material) return { targetId: t.id, label: t.label, copies: [], warnings: [] };
    const answers: OpinionToAnswer[] = [
      ...input.consolidated.filter((c) => !c.deletedAt && c.targetId === t.id).map((c) => ({ id: c.id, kind: 'opinion' as const, text: c.text })),
      ...(input.rawOpinions ?? []).filter((o) => o.targetId === t.id).map((o) => ({ id: o.id, kind: 'opinion' as const, text: o.text })),
      ...input.problems.filter((p) => !p.deletedAt && p.targetId === t.id).map((p) => ({ id: p.id, kind: 'problem' as const, text: p.description })),
    ];
    const report = checkMaterial({ title: material.title, blocks: material.blocks }, { answers, dimensions: input.dimensions, names }, input.rules);
    const mine = copies.filter((c) => c.a.materialId === material.id);
    const copyWarnings: MaterialWarning[] = mine.map((c) => ({ kind: 'copy', message: materialCopyText(c), quotes: [c.a.text, c.b.text] }));
    return { targetId: t.id, label: t.label, material, report, copies: mine, warnings: [...copyWarnings, ...report.warnings] };
  });
}
