// 抄袭/雷同 of 对照检查材料: paragraphs nearly the same as another unit's material, another member's
// of the same meeting, or the same person's material of an earlier year. The copy detector's method
// scaled to documents: each body paragraph is one text (identical compare keys grouped first, then
// MinHash/LSH verified by bigram Jaccard at the same threshold) — near-linear in the paragraphs of all
// the materials compared, never document against document.
import { findSimilarPairs, NEAR_DUPLICATE_THRESHOLD } from '../checks/minhash';
import { compareKey } from '../text/normalize';
import type { MaterialDocument } from './structure';

export type MaterialCopyKind = 'cross-unit' | 'cross-member' | 'cross-year';
export const MATERIAL_COPY_LABELS: Readonly<Record<MaterialCopyKind, string>> = {
  'cross-unit': '与其他单位的材料雷同',
  'cross-member': '与本班子其他成员的材料雷同',
  'cross-year': '与本人上年度材料雷同',
};

/** A material as the comparison sees it. `person` names the same person across years (unit + name, or the group). */
export interface MaterialRef {
  id: string;
  unitId: string;
  meetingId: string;
  year: number;
  targetId: string;
  person: string;
  /** `交通运输局·李红（副局长）·2025年度`: how a warning names it. */
  label: string;
  doc: MaterialDocument;
}

export interface MaterialCopy {
  kind: MaterialCopyKind;
  /** The material warned about and its paragraph. */
  a: { materialId: string; label: string; text: string };
  /** The material it resembles and that paragraph: both texts side by side. */
  b: { materialId: string; label: string; text: string };
  similarity: number;
}

/** Paragraphs shorter than this (compared characters) are headings' kin and too short to call copied. */
export const MIN_COPY_CHARS = 30;

const RELATIONS: Record<MaterialCopyKind, (a: MaterialRef, b: MaterialRef) => boolean> = {
  'cross-unit': (a, b) => a.unitId !== b.unitId,
  'cross-member': (a, b) => a.meetingId === b.meetingId && a.targetId !== b.targetId,
  // Only the later year is warned: copying last year's text is this year's problem.
  'cross-year': (a, b) => a.unitId === b.unitId && a.person === b.person && a.year > b.year,
};

interface Para {
  material: MaterialRef;
  text: string;
}

/**
 * Finds copied paragraphs. For each paragraph of each material in `focus` (all when left out) and
 * each kind, the most similar partner (identical first, then highest similarity); a pair inside one
 * meeting is reported once, a cross-unit pair once per side.
 */
export function materialCopies(materials: readonly MaterialRef[], options: { focus?: ReadonlySet<string>; threshold?: number } = {}): MaterialCopy[] {
  const groupOf = new Map<string, number>();
  const groups: Para[][] = [];
  const keys: string[] = [];
  for (const m of materials) {
    for (const b of m.doc.blocks) {
      if (b.kind !== 'paragraph') continue;
      const key = compareKey(b.text);
      if ([...key].length < MIN_COPY_CHARS) continue;
      let g = groupOf.get(key);
      if (g === undefined) {
        g = groups.length;
        groupOf.set(key, g);
        groups.push([]);
        keys.push(key);
      }
      groups[g]!.push({ material: m, text: b.text });
    }
  }
  // With a focus, pairs between two materials outside it are never reported: skip them before verifying.
  const focused = (m: MaterialRef) => !options.focus || options.focus.has(m.id);
  const related = (a: MaterialRef, b: MaterialRef) => a.id !== b.id && (focused(a) || focused(b)) && Object.values(RELATIONS).some((r) => r(a, b) || r(b, a));
  const { pairs } = findSimilarPairs(keys, {
    threshold: options.threshold ?? NEAR_DUPLICATE_THRESHOLD,
    accept: (x, y) => groups[x]!.some((p) => groups[y]!.some((q) => related(p.material, q.material))),
  });
  const neighbours: Array<Array<{ group: number; similarity: number }>> = groups.map(() => []);
  for (const p of pairs) {
    neighbours[p.a]!.push({ group: p.b, similarity: p.similarity });
    neighbours[p.b]!.push({ group: p.a, similarity: p.similarity });
  }
  for (const list of neighbours) list.sort((x, y) => y.similarity - x.similarity || x.group - y.group);

  const out: MaterialCopy[] = [];
  const reported = new Set<string>();
  groups.forEach((group, g) => {
    for (const p of group) {
      if (options.focus && !options.focus.has(p.material.id)) continue;
      for (const kind of Object.keys(RELATIONS) as MaterialCopyKind[]) {
        const relation = RELATIONS[kind];
        let partner = group.find((q) => q !== p && relation(p.material, q.material));
        let similarity = 1;
        if (!partner) {
          for (const n of neighbours[g]!) {
            partner = groups[n.group]!.find((q) => relation(p.material, q.material));
            if (partner) {
              similarity = n.similarity;
              break;
            }
          }
        }
        if (!partner) continue;
        if (kind === 'cross-member') {
          const key = [p.material.id, partner.material.id].sort().join('|') + [p.text, partner.text].sort().join('|');
          if (reported.has(key)) continue;
          reported.add(key);
        }
        out.push({
          kind,
          a: { materialId: p.material.id, label: p.material.label, text: p.text },
          b: { materialId: partner.material.id, label: partner.material.label, text: partner.text },
          similarity: Math.round(similarity * 100) / 100,
        });
      }
    }
  });
  return out;
}

/** `与其他单位的材料雷同（相似度 86%）：农业农村局·张伟·2025年度` */
export function materialCopyText(c: MaterialCopy): string {
  return `${MATERIAL_COPY_LABELS[c.kind]}（${c.similarity >= 1 ? '相同' : `相似度 ${Math.round(c.similarity * 100)}%`}）：${c.b.label}`;
}
