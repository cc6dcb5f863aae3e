// Second-level parts of a first-level heading. An office document numbers （一） only when a （二）
// follows: a single part is led by a line of its own instead.
import type { FileChild } from 'docx';
import type { GbLayout } from './layout';

export interface Subsection {
  /** `未达最低条数（7项）` */
  title: string;
  blocks: FileChild[];
}

/** The parts under `（一）`, `（二）` … when there are two or more; one part under its title as a lead line. */
export function subsections(g: GbLayout, parts: readonly Subsection[]): FileChild[] {
  if (parts.length === 1) return [g.paragraph(`${parts[0]!.title}：`, { keepNext: true }), ...parts[0]!.blocks];
  return parts.flatMap((part, i) => [g.heading2(i + 1, part.title), ...part.blocks]);
}
