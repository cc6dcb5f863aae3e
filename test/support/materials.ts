// The 对照检查材料 fixtures (written by scripts/make-material-fixtures.py) read into documents, and
// the opinions of the sample unit's members that the materials should answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpinionToAnswer } from '#shared/materials/checks';
import type { MaterialRef } from '#shared/materials/copies';
import { readDocxParagraphs } from '#shared/materials/docx-text';
import { structureParagraphs, type MaterialDocument } from '#shared/materials/structure';

export const MATERIALS_DIR = join(__dirname, '..', 'fixtures', 'materials');

export function materialBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(MATERIALS_DIR, name)));
}

export function readMaterial(name: string): MaterialDocument {
  const r = readDocxParagraphs(materialBytes(name));
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return structureParagraphs(r.paragraphs);
}

/** 李红's consolidated opinions and one problem item: her good material takes up the first three. */
export const LI_HONG_ANSWERS: OpinionToAnswer[] = [
  { id: 'o1', kind: 'opinion', text: '深入执法一线调研不够，对基层执法队员的困难了解不多' },
  { id: 'o2', kind: 'opinion', text: '有群众反映执法态度生硬，对执法大队的规范执法监督不够' },
  { id: 'p1', kind: 'problem', text: '财务股报销流程繁琐，审批时间长' },
];
/** 赵强's: his material takes up none of them. */
export const ZHAO_QIANG_ANSWERS: OpinionToAnswer[] = [
  { id: 'o3', kind: 'opinion', text: '审批服务科办事效率不高，企业反映办证要跑多次' },
  { id: 'o4', kind: 'opinion', text: '安全生产检查走过场，对货运企业隐患整改跟踪不够' },
];

/** A fixture as the copy comparison sees it; the file name says year, unit and person. */
export function materialRef(name: string): MaterialRef {
  const [year, unit, person] = name.split('-');
  return {
    id: name,
    unitId: unit!,
    meetingId: `${unit}-${year}`,
    year: Number(year),
    targetId: person!,
    person: `${unit}·${person}`,
    label: `${unit}·${person}·${year}年度`,
    doc: readMaterial(name),
  };
}
