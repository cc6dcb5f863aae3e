/* eslint-disable no-console -- a benchmark prints its figures */
// Times reading and checking 对照检查材料 and the copy comparison across a county's materials, in Node.
// Run: npx tsx scripts/bench-materials.mts. Prints medians of 3 runs. The county's materials are
// paragraphs of stock-phrase opinion text (several sentences each), with 5% of paragraphs copied
// with a few characters changed from another unit's material — the detector must find them all.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkMaterial } from '#shared/materials/checks';
import { materialCopies, type MaterialRef } from '#shared/materials/copies';
import { readDocxParagraphs } from '#shared/materials/docx-text';
import { DEFAULT_MATERIAL_RULES } from '#shared/materials/rules';
import { structureParagraphs, type MaterialBlock } from '#shared/materials/structure';
import { DEFAULT_DIMENSION_SETS } from '#shared/model/dimensions';
import { nearCopy, opinionText, rng } from '../test/support/county-content';

function median(label: string, work: () => unknown, runs = 3): unknown {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(60)} ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(8)} ms`);
  return result;
}

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'materials');
const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
const bytes = files.map((f) => new Uint8Array(readFileSync(join(dir, f))));
median(`read + structure ${files.length} fixture .docx files`, () => bytes.map((b) => { const r = readDocxParagraphs(b); return r.ok ? structureParagraphs(r.paragraphs) : undefined; }), 5);
const docs = bytes.map((b) => { const r = readDocxParagraphs(b); if (!r.ok) throw new Error(r.error); return structureParagraphs(r.paragraphs); });
const r = rng(17);
const answers = Array.from({ length: 40 }, (_, i) => ({ id: String(i), kind: 'opinion' as const, text: opinionText(r) }));
const dims = DEFAULT_DIMENSION_SETS[1]!.dimensions;
median('checkMaterial, 6 fixtures × 40 opinions each', () => docs.map((d) => checkMaterial(d, { answers, dimensions: dims }, DEFAULT_MATERIAL_RULES)), 5);

for (const units of (process.argv[2] === "full" ? [30, 300] : [30])) {
  const r2 = rng(units);
  const materials: MaterialRef[] = [];
  const copied = new Set<string>();
  for (let u = 0; u < units; u++) {
    for (let t = 0; t < 10; t++) {
      const blocks: MaterialBlock[] = [];
      for (let p = 0; p < 25; p++) {
        let text = Array.from({ length: 3 }, () => opinionText(r2)).join('。') + '。';
        if (materials.length > 0 && r2() < 0.05) {
          const other = materials[Math.floor(r2() * materials.length)]!;
          if (other.unitId !== `u${u}`) {
            text = nearCopy(other.doc.blocks[Math.floor(r2() * other.doc.blocks.length)]!.text, r2);
            copied.add(text);
          }
        }
        blocks.push({ kind: 'paragraph', level: 0, text, source: p });
      }
      materials.push({ id: `u${u}-t${t}`, unitId: `u${u}`, meetingId: `u${u}`, year: 2025, targetId: `t${t}`, person: `u${u}t${t}`, label: `u${u}·t${t}`, doc: { title: '', blocks } });
    }
  }
  const paragraphs = materials.length * 25;
  const copies = median(`materialCopies: ${materials.length} materials, ${paragraphs} paragraphs`, () => materialCopies(materials), units === 300 ? 1 : 3) as ReturnType<typeof materialCopies>;
  const found = new Set(copies.filter((c) => c.kind === 'cross-unit').flatMap((c) => [c.a.text, c.b.text]));
  const hit = [...copied].filter((t) => found.has(t)).length;
  console.log(`  planted cross-unit copies found: ${hit}/${copied.size}; warnings ${copies.length}`);
}
