import { DEFAULT_DIMENSION_SETS, type DimensionSet } from '#shared/model/dimensions';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { RuleSet } from '#shared/model/types';
import type { WorkbenchDb } from '../database';

export interface AppSettings {
  /** Who is at the keyboard; written into the change log and the "entered by" field. */
  operatorName: string;
  /** The rule set new meetings start from. */
  defaultRuleSet: RuleSet;
  /** 对照检查 reference data per year. */
  dimensionSets: DimensionSet[];
}

export const DEFAULT_OPERATOR = '本机用户';

export function defaultSettings(): AppSettings {
  return {
    operatorName: DEFAULT_OPERATOR,
    defaultRuleSet: defaultRuleSet(),
    dimensionSets: DEFAULT_DIMENSION_SETS.map((s) => ({ ...s, dimensions: [...s.dimensions] })),
  };
}

/** All settings, each falling back to its default. */
export async function loadSettings(db: WorkbenchDb): Promise<AppSettings> {
  const rows = await db.settings.toArray();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const defaults = defaultSettings();
  return {
    operatorName: typeof stored.get('operatorName') === 'string' ? (stored.get('operatorName') as string) : defaults.operatorName,
    defaultRuleSet: (stored.get('defaultRuleSet') as RuleSet | undefined) ?? defaults.defaultRuleSet,
    dimensionSets: (stored.get('dimensionSets') as DimensionSet[] | undefined) ?? defaults.dimensionSets,
  };
}

export async function saveSetting<K extends keyof AppSettings>(db: WorkbenchDb, key: K, value: AppSettings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
