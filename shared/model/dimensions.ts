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

/** The dimension set for a meeting year: that year's set, else the latest one before it, else the first. */
export function dimensionSetForYear(sets: readonly DimensionSet[], year: number): DimensionSet | undefined {
  const sorted = [...sets].sort((a, b) => a.year - b.year);
  const exact = sorted.find((s) => s.year === year);
  if (exact) return exact;
  const earlier = sorted.filter((s) => s.year < year);
  return earlier.length > 0 ? earlier[earlier.length - 1] : sorted[0];
}
