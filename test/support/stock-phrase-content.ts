// A corpus written the way opinions really are written: most texts strung together from stock
// phrases (深入基层调研不够、主动服务意识不强 …), so that many unrelated texts share most of their
// character pairs, with near-copies planted across units whose bigram Jaccard similarity is
// measured and lies in 0.6–0.99. Copy detection is benchmarked and tested on it (issue 14): on such
// text an LSH bucket cap loses copies as the corpus grows, where on varied text it does not.
import type { CopyCandidate } from '#shared/checks/copy-detection';
import { jaccard, shingles } from '#shared/checks/minhash';
import { compareKey } from '#shared/text/normalize';
import { rng } from './county-content';

const PROBLEMS = [
  '深入基层调研不够', '主动服务意识不强', '回应群众关切不及时', '理论学习不够系统', '学用结合不够紧密', '以会代学的现象仍然存在', '调查研究不够深入',
  '听汇报多看现场少', '工作作风不够扎实', '担当作为不够', '创新意识不强', '开拓进取精神不足', '抓落实的力度不够', '统筹协调能力有待提高',
  '批评与自我批评辣味不足', '谈心谈话不够经常', '联系服务群众不够紧密', '形式主义问题仍有发生', '文山会海问题没有根本解决', '督查检查考核过多过频',
  '基层减负落实不到位', '干部队伍建设有待加强', '年轻干部培养力度不够', '制度执行不够严格', '廉洁风险防控不到位', '对下属单位监督管理不够',
  '意识形态工作责任落实不到位', '安全生产隐患排查不彻底', '营商环境有待优化', '办事效率有待提高', '审批流程还需简化', '政策宣传解读不够',
  '群众满意度不够高', '对历史遗留问题研究不够', '整改落实不彻底', '跟踪问效不够', '全面从严治党主体责任压得不实', '一岗双责落实不到位',
  '民主集中制执行不够严格', '议事决策程序不够规范', '财务管理不够规范', '资金使用效益不高', '重点项目推进缓慢', '重点工作进度滞后',
  '风险研判预警不够', '应急处置能力不足', '服务企业的办法不多', '解决群众急难愁盼问题不够有力', '工作标准不够高', '精细化管理水平不高',
  '对分管领域指导不够', '压力传导层层递减', '存在畏难情绪', '满足于过得去差不多', '缺乏长远谋划', '抓早抓小不够', '时紧时松前紧后松',
  '执行上级决策部署打折扣', '信息公开不够及时', '窗口服务态度有待改进',
];
const SUGGESTIONS = [
  '建议加强理论学习', '建议多到基层一线调研', '建议建立问题清单销号制度', '建议完善考核评价机制', '建议加大年轻干部培养力度', '建议进一步精简会议文件',
  '建议提高服务群众的水平', '建议健全跟踪问效机制', '建议强化廉政风险防控', '建议优化审批服务流程', '建议加强政策宣传解读', '建议落实一岗双责',
  '建议严格执行民主集中制', '建议加强干部作风建设', '建议定期开展谈心谈话', '建议建立限时办结制度', '建议加强对下属单位的指导', '建议切实为基层减负',
  '建议加快重点项目建设', '建议提升应急处置能力',
];
const LEADS = ['', '', '', '班子', '个别班子成员', '有的同志', '部分干部', '在工作中', '一些科室', '有时'];
const PLACES = '东西南北中上下大小新老高青白红黄金石山水河湖江溪沟坪坝岭岗塘桥庄店集镇村寨湾林竹松柏桃李杏梅兰花田禾丰安宁平和兴旺福寿康乐泰华荣昌盛隆茂富吉祥瑞永清明光辉阳春秋';
const SPECIFICS = ['道路硬化工程', '饮水安全工程', '农贸市场改造', '老旧小区改造', '河道综合治理', '高标准农田建设', '便民服务中心', '产业园标准厂房', '安置小区建设', '学校食堂提升'];

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One stock-phrase opinion: 2–5 stock phrases, now and then a lead-in, a place, a project or a number. */
export function stockOpinion(r: () => number): string {
  const parts: string[] = [];
  const count = 2 + Math.floor(r() * 4);
  for (let i = 0; i < count; i++) {
    const phrase = r() < 0.8 ? pick(r, PROBLEMS) : pick(r, SUGGESTIONS);
    if (!parts.includes(phrase)) parts.push(phrase);
  }
  let text = `${pick(r, LEADS)}${parts.join('，')}`;
  // A minority of texts name something concrete; most stay generic, as real lists do.
  if (r() < 0.35) text += `，如${pick(r, [...PLACES])}${pick(r, [...PLACES])}村${pick(r, SPECIFICS)}${r() < 0.5 ? `有${2 + Math.floor(r() * 60)}户群众反映` : '进展不快'}`;
  return `${text}。`;
}

/** The similarity copy detection measures: bigram Jaccard of the compare keys. */
export function bigramSimilarity(a: string, b: string): number {
  return jaccard(shingles(compareKey(a)), shingles(compareKey(b)));
}

/** Edits a copier makes: a phrase dropped, added or swapped, clauses reordered, a word changed. */
function edit(text: string, r: () => number): string {
  const parts = text.replace(/。$/, '').split('，');
  const way = r();
  if (way < 0.25 && parts.length > 2) parts.splice(1 + Math.floor(r() * (parts.length - 1)), 1);
  else if (way < 0.45) parts.push(pick(r, r() < 0.7 ? PROBLEMS : SUGGESTIONS));
  else if (way < 0.6) parts[Math.floor(r() * parts.length)] = pick(r, PROBLEMS);
  else if (way < 0.8) parts.push(parts.shift()!);
  else return `${parts.join('，').replace(/不够|不足|不强|不高/, '还有差距')}。`;
  return `${parts.join('，')}。`;
}

/**
 * A near copy of `text` whose measured similarity lies in [low, high]: one to three edits, tried
 * until one lands in range (undefined if none does, which the caller skips).
 */
export function plantedCopy(text: string, r: () => number, low = 0.6, high = 0.99): { text: string; similarity: number } | undefined {
  for (let attempt = 0; attempt < 12; attempt++) {
    let copy = text;
    const edits = 1 + Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) copy = edit(copy, r);
    const similarity = bigramSimilarity(text, copy);
    if (similarity >= low && similarity <= high && compareKey(copy) !== compareKey(text)) return { text: copy, similarity };
  }
  return undefined;
}

export interface StockCorpus {
  candidates: CopyCandidate[];
  /** Planted cross-unit near copies: indexes into `candidates` (original, copy) and the measured similarity. */
  planted: Array<{ original: number; copy: number; similarity: number }>;
}

/**
 * `n` stock-phrase opinions spread over units of ~330 opinions (one meeting each, 11 targets), with
 * `plantRate` of them near copies of an earlier opinion of another unit, similarity 0.6–0.99.
 */
export function stockPhraseCorpus(n: number, options: { seed?: number; plantRate?: number; perUnit?: number } = {}): StockCorpus {
  const { seed = 14, plantRate = 0.02, perUnit = 330 } = options;
  const r = rng(seed);
  const candidates: CopyCandidate[] = [];
  const planted: StockCorpus['planted'] = [];
  for (let i = 0; i < n; i++) {
    const u = Math.floor(i / perUnit);
    const base = { id: `s-${String(i).padStart(7, '0')}`, meetingId: `m-${u}`, unitId: `u-${u}`, targetId: `t-${u}-${i % 11}`, category: '基层群众', createdAt: `2025-11-01T08:00:00.${String(i % 1000).padStart(3, '0')}Z` };
    let content = stockOpinion(r);
    if (u > 0 && r() < plantRate) {
      const original = Math.floor(r() * u * perUnit);
      const copy = plantedCopy(candidates[original]!.content, r);
      if (copy) {
        content = copy.text;
        planted.push({ original, copy: i, similarity: copy.similarity });
      }
    }
    candidates.push({ ...base, content });
  }
  return { candidates, planted };
}
