// A typed 征求意见表 as a web page, for rendering to pictures: the layout of the forms units return
// (title, 单位（盖章）, the group's part, one row per member, instructions below), with a red seal
// over the unit's name and an optional small rotation. Shared by the fixture script and the benchmark.

export interface FormContent {
  unit: string;
  title: string;
  /** The group's part: [征求方面, 意见建议]. */
  group: Array<[string, string]>;
  /** One row per member: [姓名、职务, 意见建议]. */
  members: Array<[string, string]>;
  category?: string;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');

/** The form as HTML, A4 wide at 96 CSS pixels per inch (render with a device scale for the dpi). */
export function formHtml(form: FormContent, options: { rotate?: number; seal?: boolean } = {}): string {
  const rows = (pairs: Array<[string, string]>) => pairs.map(([a, b]) => `<tr><td class="l">${escape(a)}</td><td>${escape(b)}</td></tr>`).join('');
  const seal = options.seal === false ? '' : `<div class="seal"><span>${escape(form.unit)}</span><b>★</b></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #fff; }
  .sheet { width: 794px; padding: 48px 56px; box-sizing: border-box; font-family: 'Noto Serif CJK SC', serif; font-size: 16px; color: #111; transform: rotate(${options.rotate ?? 0}deg); transform-origin: 50% 30%; position: relative; }
  h1 { font-size: 22px; text-align: center; margin: 0 0 18px; }
  .head { display: flex; justify-content: space-between; margin-bottom: 8px; }
  table { width: 100%; border-collapse: collapse; }
  td { border: 1.5px solid #111; padding: 8px 10px; vertical-align: top; line-height: 1.6; }
  td.l { width: 150px; text-align: center; vertical-align: middle; }
  td.h { text-align: center; font-weight: bold; }
  .note { margin-top: 12px; font-size: 14px; line-height: 1.6; }
  .seal { position: absolute; left: 150px; top: 70px; width: 130px; height: 130px; border: 4px solid rgba(220,30,30,0.85); border-radius: 50%; color: rgba(220,30,30,0.85); text-align: center; font-size: 15px; }
  .seal span { display: block; margin-top: 22px; } .seal b { font-size: 36px; }
</style></head><body><div class="sheet">
<h1>${escape(form.title)}</h1>
<div class="head"><span>单位（盖章）：${escape(form.unit)}</span><span>填表日期：2025年11月20日</span></div>
${form.category ? `<div class="head"><span>意见来源：${escape(form.category)}</span></div>` : ''}
<table>
<tr><td class="h" colspan="2">对领导班子的意见建议</td></tr>
<tr><td class="h">征求方面</td><td class="h">意见建议</td></tr>
${rows(form.group)}
<tr><td class="h" colspan="2">对领导班子成员的意见建议</td></tr>
<tr><td class="h">姓名、职务</td><td class="h">意见建议</td></tr>
${rows(form.members)}
</table>
<div class="note">说明：1. 请于11月25日前将本表交县委组织部。2. 意见建议请逐条填写，可另附页。</div>
${seal}
</div></body></html>`;
}

/** The form the fixtures and the tests use. */
export const SAMPLE_FORM: FormContent = {
  unit: '县交通运输局',
  title: '县交通运输局领导班子2025年度民主生活会征求意见表',
  category: '基层群众',
  group: [
    ['政治忠诚', '1、理论学习的系统性不够，学用结合不紧。\n2、调研多在机关，深入基层一线偏少。'],
    ['担当作为', '农村公路养护资金使用进度偏慢，群众反映的问题回应不及时。'],
  ],
  members: [
    ['张三（局长）', '1、听取基层意见的渠道还不够多。\n2、对重点项目的督促检查需要加强。'],
    ['李四（副局长）', '安全生产检查有时流于形式，整改跟踪不到位。'],
  ],
};
