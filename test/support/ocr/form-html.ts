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

/** How a phone photo differs from a scan: the page tilted in perspective, light and shadow, focus. */
export interface PhotoLook {
  /** Tilt of the page towards the camera, degrees about the horizontal and vertical axes. */
  tiltX?: number;
  tiltY?: number;
  /** Darkening towards one corner (0–1), as a desk lamp or window lights a page. */
  light?: number;
  /** A soft shadow (of the phone or a hand) over the left part of the page (0–1). */
  shadow?: number;
  /** Camera blur, CSS pixels. */
  blur?: number;
}

export interface FormLook {
  rotate?: number;
  seal?: boolean;
  /** The typeface of the whole form (CSS font-family); default Noto Serif CJK SC (宋体-like). */
  font?: string;
  /** Opinions written as by hand: each character a little turned, raised and sized, in blue-black ink. */
  handwriting?: { font: string; seed: number };
  photo?: PhotoLook;
}

/** Each character of a text in its own span, turned, moved and sized a little (deterministic by seed). */
function handwritten(text: string, seed: number): string {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  return [...text]
    .map((c) => (c === '\n' ? '<br>' : `<span style="display:inline-block;transform:translateY(${(next() * 3).toFixed(1)}px) rotate(${(next() * 8).toFixed(1)}deg) scale(${(1 + next() * 0.14).toFixed(2)})">${escape(c)}</span>`))
    .join('');
}

/** The form as HTML, A4 wide at 96 CSS pixels per inch (render with a device scale for the dpi). */
export function formHtml(form: FormContent, options: FormLook = {}): string {
  const hand = options.handwriting;
  let seed = hand?.seed ?? 0;
  const entry = (b: string) => (hand ? `<span class="hand">${handwritten(b, ++seed)}</span>` : escape(b));
  const rows = (pairs: Array<[string, string]>) => pairs.map(([a, b]) => `<tr><td class="l">${escape(a)}</td><td>${entry(b)}</td></tr>`).join('');
  const photo = options.photo;
  const seal = options.seal === false ? '' : `<div class="seal"><span>${escape(form.unit)}</span><b>★</b></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: #fff; }
  .sheet { width: 794px; padding: 48px 56px; box-sizing: border-box; font-family: ${options.font ?? "'Noto Serif CJK SC', serif"}; font-size: 16px; color: #111; transform: rotate(${options.rotate ?? 0}deg); transform-origin: 50% 30%; position: relative; }
  h1 { font-size: 22px; text-align: center; margin: 0 0 18px; }
  .head { display: flex; justify-content: space-between; margin-bottom: 8px; }
  table { width: 100%; border-collapse: collapse; }
  td { border: 1.5px solid #111; padding: 8px 10px; vertical-align: top; line-height: 1.6; }
  td.l { width: 150px; text-align: center; vertical-align: middle; }
  td.h { text-align: center; font-weight: bold; }
  .note { margin-top: 12px; font-size: 14px; line-height: 1.6; }
  .seal { position: absolute; left: 150px; top: 70px; width: 130px; height: 130px; border: 4px solid rgba(220,30,30,0.85); border-radius: 50%; color: rgba(220,30,30,0.85); text-align: center; font-size: 15px; }
  .seal span { display: block; margin-top: 22px; } .seal b { font-size: 36px; }
  .hand { font-family: ${hand?.font ?? 'serif'}; color: #1c2452; font-size: 17px; }
  ${photo ? `body { background: #5d5a55; padding: 40px; }
  .photo { position: relative; width: 794px; transform: perspective(1400px) rotateX(${photo.tiltX ?? 0}deg) rotateY(${photo.tiltY ?? 0}deg); filter: blur(${photo.blur ?? 0}px); background: #fff; }
  .photo::after { content: ''; position: absolute; inset: 0; pointer-events: none; mix-blend-mode: multiply;
    background: linear-gradient(100deg, rgba(0,0,0,${photo.shadow ?? 0}) 0%, rgba(0,0,0,${(photo.shadow ?? 0) * 0.9}) 22%, rgba(0,0,0,0) 34%),
      radial-gradient(ellipse at 15% 5%, rgba(255,255,255,0) 20%, rgba(0,0,0,${photo.light ?? 0}) 110%); }` : ''}
</style></head><body>${photo ? '<div class="photo">' : ''}<div class="sheet">
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
</div>${photo ? '</div>' : ''}</body></html>`;
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
