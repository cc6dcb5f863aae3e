/** A named set of 对照检查 dimensions, as one year's meetings use them. */
export interface DimensionSet {
  label: string;
  year: number;
  dimensions: string[];
}

/** Reference data shipped with the app (spec §8); editable in the app's settings. */
export const DEFAULT_DIMENSION_SETS: readonly DimensionSet[] = [
  {
    label: '2024年度',
    year: 2024,
    dimensions: [
      '带头严守政治纪律和政治规矩，维护党的团结统一',
      '带头增强党性、严守纪律、砥砺作风',
      '带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新',
      '带头履行全面从严治党政治责任',
      '反面典型案例剖析',
    ],
  },
  {
    label: '2025年度',
    year: 2025,
    dimensions: [
      '带头强化政治忠诚、提高政治能力',
      '带头固本培元、增强党性',
      '带头敬畏人民、敬畏组织、敬畏法纪',
      '带头干事创业、担当作为',
      '带头坚决扛起管党治党责任',
    ],
  },
];

/**
 * The dimension set a meeting of a year starts from: that year's set, else the latest one before it;
 * undefined when every set is later than the year (a later year's 方面 would not fit it).
 * @example with the 2024 and 2025 sets: 2026 → 2025年度, 2024 → 2024年度, 2020 → undefined
 */
export function dimensionSetForYear(sets: readonly DimensionSet[], year: number): DimensionSet | undefined {
  const exact = sets.find((s) => s.year === year);
  if (exact) return exact;
  const earlier = sets.filter((s) => s.year < year).sort((a, b) => b.year - a.year);
  return earlier[0];
}

/**
 * Which year's 对照检查方面 a new meeting of `year` takes with the set chosen (by label), in a
 * sentence: that year's, an earlier year's for want of one (and where to add it), or none.
 */
export function dimensionSetNote(sets: readonly DimensionSet[], year: number, chosenLabel: string | undefined): string {
  const chosen = sets.find((s) => s.label === chosenLabel);
  if (!chosen) return dimensionSetForYear(sets, year) ? '不设对照检查方面（创建后可在会议设置中填写）' : `没有${year}年度或更早年度的对照检查方面，可在“设置”中新增，或创建后在会议设置中填写`;
  const n = `${chosen.dimensions.length} 个方面`;
  if (chosen.year === year) return `使用${year}年度的对照检查方面（${n}）`;
  if (sets.some((s) => s.year === year)) return `所选为${chosen.year}年度的对照检查方面（${n}），与会议年度${year}年不同`;
  return `尚未设置${year}年度的对照检查方面，使用${chosen.year}年度的（${n}）；如有新的要求，请在“设置”中新增${year}年度`;
}
