// The GB/T 9704 layout, read back from the .docx it writes: page geometry in twips, fonts in the
// East Asian slot, the fixed line pitch, page-number fields in odd/even footers, the repeating
// table header, the 内部资料 header and neutral metadata.
import { describe, expect, it } from 'vitest';
import { BODY_CHAR_SPACING, docxBytes, gbDocument, gbLayout, mm, TEXT_WIDTH, type FontMode } from '#shared/documents/word/layout';
import { officeParts, paragraphsOf, runsOf } from '../../support/docx';

async function sample(mode: FontMode, internal: boolean) {
  const g = gbLayout(mode);
  const doc = gbDocument({
    title: '测试文档',
    mode,
    internal,
    children: [
      g.title('2025年度民主生活会\n征求意见建议清单'),
      g.subtitle('某某县财政局  李四（副局长）'),
      g.blank(),
      g.paragraph('正文段落：首行缩进两个字符。'),
      g.heading1(1, '上级领导意见（2条）'),
      g.heading2(3, '基层群众'),
      g.numbered(12, '调查研究不够深入', '（对照检查方面：带头干事创业）'),
      g.table({ header: ['意见对象', '条数'], rows: [['领导班子', '10'], ['张三（局长）', '9']], widths: [3, 1] }),
      g.right('2025年11月21日'),
    ],
  });
  return officeParts(await docxBytes(doc));
}

describe('GB/T 9704 layout', () => {
  it('sets an A4 page with margins 37/35/28/26 mm, in twips', async () => {
    const doc = (await sample('official', false)).get('word/document.xml')!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(margin).toContain(`w:top="${mm(37)}"`);
    expect(margin).toContain(`w:bottom="${mm(35)}"`);
    expect(margin).toContain(`w:left="${mm(28)}"`);
    expect(margin).toContain(`w:right="${mm(26)}"`);
    expect([mm(37), mm(35), mm(28), mm(26)]).toEqual([2098, 1984, 1587, 1474]);
  });

  it('names a font in the East Asian slot of every run, body 仿宋_GB2312 三号', async () => {
    const parts = await sample('official', false);
    for (const part of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      const runs = runsOf(parts.get(part)!);
      expect(runs.length).toBeGreaterThan(0);
      for (const r of runs) expect(r.eastAsia, `run “${r.text}” in ${part} has no East Asian font`).toBeTruthy();
    }
    const paragraphs = paragraphsOf(parts.get('word/document.xml')!);
    const body = paragraphs.find((p) => p.text.startsWith('正文段落'))!;
    expect(body.runs[0]).toMatchObject({ eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', size: 32 });
    expect(body.pPr).toContain('w:firstLineChars="200"');
    // The document defaults say the same, so nothing unstyled falls back to the theme font.
    expect(parts.get('word/styles.xml')).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<\/w:docDefaults>/s);
  });

  it('sets the title in 方正小标宋简体 二号, centred, on several lines', async () => {
    const paragraphs = paragraphsOf((await sample('official', false)).get('word/document.xml')!);
    const title = paragraphs[0]!;
    expect(title.text).toBe('2025年度民主生活会征求意见建议清单');
    expect(title.pPr).toContain('<w:jc w:val="center"/>');
    expect(title.runs.map((r) => [r.eastAsia, r.size])).toEqual([
      ['方正小标宋简体', 44],
      ['方正小标宋简体', 44],
    ]);
    expect(title.xml).toContain('<w:br/>');
  });

  it('numbers headings 一、 in 黑体 and （一） in 楷体_GB2312, and paragraphs 1.', async () => {
    const paragraphs = paragraphsOf((await sample('official', false)).get('word/document.xml')!);
    const h1 = paragraphs.find((p) => p.text === '一、上级领导意见（2条）')!;
    const h2 = paragraphs.find((p) => p.text === '（三）基层群众')!;
    const item = paragraphs.find((p) => p.text.startsWith('12.'))!;
    expect(h1.runs[0]!.eastAsia).toBe('黑体');
    expect(h2.runs[0]!.eastAsia).toBe('楷体_GB2312');
    expect(item.text).toBe('12.调查研究不够深入（对照检查方面：带头干事创业）');
    expect(item.runs.map((r) => r.eastAsia)).toEqual(['仿宋_GB2312', '仿宋_GB2312', '楷体_GB2312']);
  });

  it('keeps every body line on the fixed 28.95 pt pitch (exact spacing)', async () => {
    const paragraphs = paragraphsOf((await sample('official', false)).get('word/document.xml')!);
    const outsideTable = paragraphs.filter((p) => !p.pPr.includes('w:line="240"'));
    expect(outsideTable.length).toBe(8);
    for (const p of outsideTable) expect(p.pPr).toContain('w:line="579" w:lineRule="exact"');
  });

  it('sets 28 characters of 三号 on a full line and 22 lines on a page', async () => {
    const parts = await sample('official', false);
    const doc = parts.get('word/document.xml')!;
    expect(doc).toContain('<w:docGrid w:linePitch="579"/>');
    // 22 lines of 28.95 pt fill the 225 mm text block.
    expect(Math.floor((297 - 37 - 35) / 25.4 * 72 / 28.95)).toBe(22);
    // Each 三号 character is condensed so that 28 fit the 156 mm line and a 29th does not.
    const pitch = 320 + BODY_CHAR_SPACING;
    expect(BODY_CHAR_SPACING).toBe(-5);
    expect(28 * pitch).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * pitch).toBeGreaterThan(TEXT_WIDTH);
    for (const r of paragraphsOf(doc).flatMap((p) => p.runs)) {
      if (r.size === 32) expect(r.xml, `三号 run “${r.text}”`).toContain('<w:spacing w:val="-5"/>');
      else expect(r.xml, `run “${r.text}” of ${r.size} half-points`).not.toContain('<w:spacing w:val=');
    }
  });

  it('keeps widow and orphan control on for every paragraph of the text block', async () => {
    const paragraphs = paragraphsOf((await sample('official', false)).get('word/document.xml')!).filter((p) => !p.pPr.includes('w:line="240"'));
    expect(paragraphs.length).toBe(8);
    for (const p of paragraphs) expect(p.pPr, p.text).toContain('<w:widowControl/>');
  });

  it('signs a document with the issuer above the date, the date starting two characters further right', async () => {
    const g = gbLayout('official');
    const parts = officeParts(await docxBytes(gbDocument({ title: 't', mode: 'official', internal: false, children: [...g.signature('第一督导组', '2025年11月21日'), ...g.signature('中共某某县交通运输局党组', '2025年1月2日')] })));
    const indents = paragraphsOf(parts.get('word/document.xml')!).filter((p) => p.text !== '').map((p) => [p.text, Number(/w:right="(\d+)"/.exec(p.pPr)![1]) / 315]);
    expect(indents).toEqual([
      // The date (7 characters) keeps two characters in; the shorter issuer starts two characters left of it.
      ['第一督导组', 6],
      ['2025年11月21日', 2],
      // A longer issuer keeps two characters in, and the date starts two characters right of the issuer's start.
      ['中共某某县交通运输局党组', 2],
      ['2025年1月2日', 6],
    ]);
  });

  it('puts — N — page-number fields in odd (right) and even (left) footers in 四号 宋体', async () => {
    const parts = await sample('official', false);
    expect(parts.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const doc = parts.get('word/document.xml')!;
    const rels = parts.get('word/_rels/document.xml.rels')!;
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(doc)![1]!;
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
      return parts.get(`word/${target}`)!;
    };
    const odd = footerOf('default');
    const even = footerOf('even');
    for (const [footer, side, indent] of [
      [odd, 'right', 'w:right="280"'],
      [even, 'left', 'w:left="280"'],
    ] as const) {
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(footer).toContain(indent);
      expect(footer).toMatch(/<w:fldChar w:fldCharType="begin"\/>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>/s);
      const runs = runsOf(footer);
      // The number itself is the field's result, computed by Word: the text around it is `— ` and ` —`.
      expect(runs.map((r) => r.text).join('')).toBe('—  —');
      for (const r of runs) expect([r.eastAsia, r.size]).toEqual(['宋体', 28]);
    }
  });

  it('repeats the table header row on every page, in black', async () => {
    const doc = (await sample('official', false)).get('word/document.xml')!;
    const rows = [...doc.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect(runsOf(rows[0]!).map((r) => [r.text, r.eastAsia])).toEqual([
      ['意见对象', '黑体'],
      ['条数', '黑体'],
    ]);
    const colours = [...doc.matchAll(/w:color="([0-9A-Fa-f]{6})"|<w:color w:val="([0-9A-Fa-f]{6})"/g)].map((m) => (m[1] ?? m[2])!.toUpperCase());
    expect(new Set(colours)).toEqual(new Set(['000000']));
  });

  it('marks every page 内部资料 only in an internal document', async () => {
    const internal = await sample('official', true);
    const doc = internal.get('word/document.xml')!;
    expect(doc).toContain('<w:headerReference w:type="default"');
    expect(doc).toContain('<w:headerReference w:type="even"');
    const headers = [...internal.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers).toHaveLength(2);
    for (const h of headers) expect(runsOf(internal.get(h)!).map((r) => r.text).join('')).toBe('内部资料');

    const open = await sample('official', false);
    expect(open.get('word/document.xml')).not.toContain('headerReference');
    expect([...open.values()].some((x) => x.includes('内部资料'))).toBe(false);
  });

  it('offers compatible fonts: 宋体 title (bold), 仿宋 body, 楷体 second level', async () => {
    const paragraphs = paragraphsOf((await sample('compatible', false)).get('word/document.xml')!);
    expect(paragraphs[0]!.runs[0]).toMatchObject({ eastAsia: '宋体', bold: true });
    expect(paragraphs.find((p) => p.text.startsWith('正文段落'))!.runs[0]!.eastAsia).toBe('仿宋');
    expect(paragraphs.find((p) => p.text === '（三）基层群众')!.runs[0]!.eastAsia).toBe('楷体');
    const all = paragraphs.flatMap((p) => p.runs.map((r) => r.eastAsia));
    expect(all.some((f) => f?.includes('GB2312') || f === '方正小标宋简体')).toBe(false);
  });

  it('writes neutral author fields', async () => {
    const core = (await sample('official', false)).get('docProps/core.xml')!;
    expect(core).toContain('<dc:creator>民主生活会征求意见工作台</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>民主生活会征求意见工作台</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>测试文档</dc:title>');
  });
});
