// The rule-set options the material checks read, with their defaults; the existing rule-set
// validator is untouched (the options live under `materials` and are read leniently).

/** Stock phrases of perfunctory materials (PRACTICE: 进一步加强/不断提高/狠抓落实/持续发力 …); editable. */
export const DEFAULT_GENERIC_PHRASES: readonly string[] = [
  '进一步加强',
  '不断提高',
  '狠抓落实',
  '持续发力',
  '学习不够深入',
  '服务意识不强',
  '有待提高',
  '有待加强',
  '有待进一步',
  '还需进一步',
  '不够紧密',
  '有所淡化',
  '有所松懈',
  '不断增强',
  '走深走实',
  '落地见效',
];

export interface MaterialRules {
  /** Problems and causes should be at least this share of the text (the practice: ≥ 1/2; one province: ≥ 3/4). */
  minProblemShare: number;
  /** An opinion is taken up when this share of its character pairs appears in one or two adjacent sentences. */
  answerThreshold: number;
  /** Generic phrases; a sentence with one is cited. */
  genericPhrases: string[];
  /** A material with more generic sentences than this is warned as a whole. */
  maxGenericSentences: number;
  /** Days before the meeting the 方案 must be submitted (local rules: 10 or 15). */
  planLeadDays: number;
}

export const DEFAULT_MATERIAL_RULES: MaterialRules = {
  minProblemShare: 0.5,
  answerThreshold: 0.5,
  genericPhrases: [...DEFAULT_GENERIC_PHRASES],
  maxGenericSentences: 3,
  planLeadDays: 15,
};

/** The rule set's `materials` option read with its defaults; out-of-range values fall back. */
export function materialRulesOf(ruleSet: object): MaterialRules {
  const raw = (ruleSet as { materials?: unknown }).materials;
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const share = (v: unknown, d: number) => (typeof v === 'number' && v > 0 && v <= 1 ? v : d);
  const int = (v: unknown, d: number, max: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : d);
  const phrases = Array.isArray(r.genericPhrases) ? r.genericPhrases.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : undefined;
  return {
    minProblemShare: share(r.minProblemShare, DEFAULT_MATERIAL_RULES.minProblemShare),
    answerThreshold: share(r.answerThreshold, DEFAULT_MATERIAL_RULES.answerThreshold),
    genericPhrases: phrases ?? [...DEFAULT_GENERIC_PHRASES],
    maxGenericSentences: int(r.maxGenericSentences, DEFAULT_MATERIAL_RULES.maxGenericSentences, 1000),
    planLeadDays: int(r.planLeadDays, DEFAULT_MATERIAL_RULES.planLeadDays, 365),
  };
}
