// The Word documents of a meeting, read back from the .docx: which opinions each list shows and
// in what order, the counts, the combined document's page breaks, the internal version, the
// readiness report's matrix, channel totals, shortfalls and verdict, and the file names.
import { describe, expect, it } from 'vitest';
import { combinedListFileName, listFileName, ledgerFileName, reportFileName, safeFileName } from '#shared/documents/file-names';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { opinionList } from '#shared/documents/opinion-list';
import { combinedListsDocx, opinionListDocx } from '#shared/documents/word/opinion-list-docx';
import { matrixCellText, readinessReportDocx } from '#shared/documents/word/readiness-report-docx';
import { GROUP_TARGET } from '#shared/model/types';
import { documentSample } from '../../support/document-sample';
import { documentLines, officeParts, paragraphsOf, type XmlParagraph } from '../../support/docx';

const date = '2025-11-21';
const sample = documentSample();
const docs = prepareMeetingDocs(sample.input);
const li = docs.targets.find((t) => t.name === '李四')!;
const zhang = docs.targets.find((t) => t.name === '张三')!;

describe('opinion lists', () => {
  it('orders targets: the group first, then members by rank, whatever the input order', () => {
    expect(docs.targets.map((t) => [t.order, t.label])).toEqual([
      [0, '领导班子'],
      [1, '张三（局长）'],
      [2, '李四（副局长）'],
      [3, '王五（副局长）'],
      [4, '赵六（纪检组长）'],
    ]);
  });

  it("lists a member's opinions by source in the rule set's order, numbered, with counts and dimensions", async () => {
    const lines = documentLines(officeParts(await opinionListDocx(docs, li.id, { internal: false, mode: 'official', date })));
    expect(lines.slice(0, 3)).toEqual(['李四同志2025年度民主生活会征求意见建议清单', '某某县财政局副局长', expect.stringContaining('截至2025年11月21日，共收集对李四同志的意见建议11条，梳理为11条')]);
    const headings = lines.filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    expect(headings).toEqual(['一、上级领导方面（2条）', '二、下属单位方面（2条）', '三、分管领域方面（2条）', '四、服务对象方面（3条）', '五、基层群众方面（2条）']);
    const service = lines.slice(lines.indexOf('四、服务对象方面（3条）') + 1, lines.indexOf('五、基层群众方面（2条）'));
    expect(service.map((l) => l.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(service[2]).toBe('3.=HYPERLINK("http://x","点击")建议公开办事指南');
    const withDimension = sample.opinions.find((o) => o.targetId === li.id && o.dimension !== '')!;
    expect(lines.some((l) => l.includes(withDimension.content) && l.endsWith(`（对照检查：${withDimension.dimension}）`))).toBe(true);
    expect(lines.join('\n')).not.toContain('已删除的意见不应出现');
  });

  it('leaves out repeats and no-opinion text, and says so', async () => {
    const model = opinionList(docs, zhang.id, { internal: false, date });
    expect(model.collected).toBe(12);
    expect(model.listed).toBe(10);
    const lines = documentLines(officeParts(await opinionListDocx(docs, zhang.id, { internal: false, mode: 'official', date })));
    expect(lines.filter((l) => l.includes('暂无意见'))).toEqual([]);
    const first = sample.opinions.find((o) => o.targetId === zhang.id && o.category === '上级领导')!.content;
    expect(lines.filter((l) => l.includes(first))).toHaveLength(1);
    expect(lines[2]).toContain('重复及无实质内容的意见未列入');
  });

  it('says 本类暂无意见建议 under an empty source, and lists nothing for a zero-opinion member', async () => {
    const zhao = docs.targets.find((t) => t.name === '赵六')!;
    const lines = documentLines(officeParts(await opinionListDocx(docs, zhao.id, { internal: false, mode: 'official', date })));
    expect(lines.filter((l) => l === '本类暂无意见建议。')).toHaveLength(5);
    expect(lines).toContain('一、上级领导方面（0条）');
  });

  it('never names a provider unless internal, and then marks every page 内部资料', async () => {
    const open = officeParts(await opinionListDocx(docs, GROUP_TARGET, { internal: false, mode: 'official', date }));
    const all = [...open.values()].join('\n');
    expect(all).not.toMatch(/提出人\d/);
    expect(all).not.toContain('内部资料');
    expect(documentLines(open)).toContain('为保护意见提出方，本清单不列提出方信息。');

    const internal = officeParts(await opinionListDocx(docs, GROUP_TARGET, { internal: true, mode: 'official', date }));
    const lines = documentLines(internal);
    expect(lines.find((l) => l.startsWith('1.'))).toMatch(/（(对照检查：[^；]+；)?提出方：提出人0；征求方式：书面征求）$/);
    expect(lines).toContain('本清单为内部资料，列有意见提出方，仅供组织部门和督导组工作使用，不得提供给被征求意见对象。');
    const headers = [...internal.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k));
    expect(headers.length).toBe(2);
  });

  it('binds every list in one file as its own section: each starts on an odd page and numbers its pages from 1', async () => {
    const parts = officeParts(await combinedListsDocx(docs, { internal: false, mode: 'official', date }));
    const doc = parts.get('word/document.xml')!;
    const sections = [...doc.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/gs)].map((m) => m[1]!);
    expect(sections).toHaveLength(5);
    // The first list opens the file; every later one waits for the next odd page (a blank page before it if needed).
    expect(sections.map((s) => /<w:type w:val="(\w+)"\/>/.exec(s)?.[1] ?? 'first')).toEqual(['first', 'oddPage', 'oddPage', 'oddPage', 'oddPage']);
    for (const s of sections) {
      expect(s).toContain('<w:pgNumType w:start="1"/>');
      // Each section has its own odd (right) and even (left) page-number footers.
      expect(s).toMatch(/<w:footerReference w:type="default"/);
      expect(s).toMatch(/<w:footerReference w:type="even"/);
    }
    const paragraphs = paragraphsOf(doc);
    const titles = paragraphs.filter((p) => p.text.endsWith('征求意见建议清单'));
    expect(titles.map((p) => p.text)).toEqual([
      '某某县财政局领导班子2025年度民主生活会征求意见建议清单',
      '张三同志2025年度民主生活会征求意见建议清单',
      '李四同志2025年度民主生活会征求意见建议清单',
      '王五同志2025年度民主生活会征求意见建议清单',
      '赵六同志2025年度民主生活会征求意见建议清单',
    ]);
    expect(titles.some((p) => p.pPr.includes('pageBreakBefore'))).toBe(false);
    expect(paragraphs.filter((p) => p.text.startsWith('某某县财政局') && !p.text.endsWith('清单')).map((p) => p.text)).toEqual([
      '某某县财政局局长',
      '某某县财政局副局长',
      '某某县财政局副局长',
      '某某县财政局纪检组长',
    ]);
  });

  it('names the group once when the unit is already called a 领导班子', () => {
    const named = prepareMeetingDocs({ ...sample.input, unit: { ...sample.unit, name: '中共某某县交通运输局党组领导班子' } });
    const model = opinionList(named, GROUP_TARGET, { internal: false, date });
    expect(model.titleLines.join('')).toBe('中共某某县交通运输局党组领导班子2025年度民主生活会征求意见建议清单');
    expect(model.intro[0]).toContain('共收集对中共某某县交通运输局党组领导班子的意见建议');
  });

  it('sets the lines of an opinion as separate lines of one numbered item, never one justified line with breaks', async () => {
    const typed = documentSample();
    const opinion = typed.opinions.find((o) => o.targetId === li.id && o.category === '上级领导')!;
    opinion.content = '一是理论学习不够系统；\n二是调查研究不够经常；\r\n\n三是办法不多。';
    const lines = opinionList(prepareMeetingDocs(typed.input), li.id, { internal: false, date }).sections[0]!.items[0]!.lines;
    expect(lines).toEqual(['一是理论学习不够系统；', '二是调查研究不够经常；', '三是办法不多。']);
    const parts = officeParts(await opinionListDocx(prepareMeetingDocs(typed.input), li.id, { internal: false, mode: 'official', date }));
    const paragraphs = paragraphsOf(parts.get('word/document.xml')!);
    const at = paragraphs.findIndex((p) => p.text.startsWith('1.一是'));
    expect(paragraphs.slice(at, at + 3).map((p) => p.text)).toEqual(['1.一是理论学习不够系统；', '二是调查研究不够经常；', '三是办法不多。']);
    for (const p of paragraphs.slice(at, at + 3)) expect(p.xml).not.toContain('<w:br/>');
    // Any line break left elsewhere ends its line without spreading it (Word's doNotExpandShiftReturn).
    expect(parts.get('word/settings.xml')).toContain('<w:doNotExpandShiftReturn/>');
  });

  it('names every provider of a repeated opinion in the internal version, and none in the open one', async () => {
    const model = opinionList(docs, zhang.id, { internal: true, date });
    const first = sample.opinions.find((o) => o.targetId === zhang.id && o.category === '上级领导')!;
    const repeat = sample.opinions.find((o) => o.targetId === zhang.id && o.content === first.content && o.id !== first.id)!;
    const item = model.sections[0]!.items.find((i) => i.content === first.content)!;
    expect(item.provider).toBe(`${first.provider}、${repeat.provider}`);
    expect(item.note).toContain(`提出方：${first.provider}、${repeat.provider}`);
    const open = documentLines(officeParts(await opinionListDocx(docs, zhang.id, { internal: false, mode: 'official', date })));
    expect(open.join('')).not.toContain(repeat.provider);
  });
});

describe('readiness report', () => {
  it('shows the matrix with the minimum, the shortfalls and zero-opinion targets, totals per channel and the verdict', async () => {
    const parts = officeParts(await readinessReportDocx(docs, { mode: 'official', date }));
    const lines = documentLines(parts);
    expect(lines.slice(0, 1)).toEqual(['某某县财政局2025年度民主生活会征求意见情况报告']);
    expect(lines.join('')).toContain('共收集意见建议42条，梳理为40条（其中无实质内容1条、重复1条未计入）');
    const doc = parts.get('word/document.xml')!;
    const tables = [...doc.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => [...m[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => paragraphsOf(r[1]!).map((p) => p.text)));
    const [matrix, channels] = tables as [string[][], string[][]];
    expect(matrix[0]).toEqual(['意见对象', '上级领导', '下属单位', '分管领域', '服务对象', '基层群众', '计入', '收集']);
    expect(matrix.slice(1).map((r) => r[0])).toEqual(['领导班子', '张三（局长）', '李四（副局长）', '王五（副局长）', '赵六（纪检组长）（零意见）']);
    expect(matrix[4]).toEqual(['王五（副局长）', '2', '2', '2', '2', '1（缺1）', '9', '9']);
    expect(matrix[5]!.slice(1, 6)).toEqual(Array(5).fill('0（缺2）'));
    expect(channels[0]).toEqual(['征求方式', '收集（条）', '梳理后（条）']);
    expect(channels.at(-1)).toEqual(['合计', '42', '40']);
    expect(lines).toContain('（一）“零意见”对象（1个）');
    expect(lines).toContain('1.赵六（纪检组长）：没有一条实质性意见（零意见）。');
    expect(lines).toContain('（二）未达最低条数（6项）');
    expect(lines).toContain('1.王五（副局长）：基层群众意见1条，至少需2条。');
    expect(lines).toContain('经核查，尚有7项未达到要求，不得召开专题民主生活会，应补充征求意见后重新核查。');
    // Signed by the unit, the date under it starting two characters further right (GB/T 9704 §7.3.5.2).
    expect(lines.slice(-2)).toEqual(['某某县财政局', '2025年11月21日']);
    const [issuer, dated] = paragraphsOf(doc).filter((p) => p.text !== '').slice(-2) as [XmlParagraph, XmlParagraph];
    const rightIndent = (p: XmlParagraph) => Number(/w:right="(\d+)"/.exec(p.pPr)![1]);
    // 2025年11月21日 is 7 characters wide (digits are half-width) and keeps 2 characters in, so it starts at
    // column 19; 某某县财政局 (6) starts two columns left of it, at 17, and so ends 5 characters in.
    expect([rightIndent(issuer), rightIndent(dated)]).toEqual([5 * 315, 2 * 315]);
    expect(doc).not.toMatch(/提出人\d/);
  });

  it('counts no-opinion text in the sentence, the matrix and the channel totals alike when the rule set counts it', async () => {
    const input = { ...sample.input, meeting: { ...sample.meeting, ruleSet: { ...sample.meeting.ruleSet, excludeNonSubstantive: false } } };
    const counting = prepareMeetingDocs(input);
    expect(counting.readiness.totals.counted).toBe(41);
    expect(counting.channels.reduce((s, c) => s + c.counted, 0)).toBe(41);
    const lines = documentLines(officeParts(await readinessReportDocx(counting, { mode: 'official', date })));
    expect(lines.join('')).toContain('共收集意见建议42条，梳理为41条（其中重复1条未计入；无实质内容1条按本次规则计入）');
  });

  it('counts per channel add up to the readiness totals', () => {
    expect(docs.channels.reduce((s, c) => s + c.collected, 0)).toBe(docs.readiness.totals.raw);
    expect(docs.channels.reduce((s, c) => s + c.counted, 0)).toBe(docs.readiness.totals.counted);
  });

  it('marks a short cell so it shows in black and white', () => {
    expect([matrixCellText(2, 2), matrixCellText(3, 2), matrixCellText(0, 2)]).toEqual(['2', '3', '0（缺2）']);
  });
});

describe('file names', () => {
  it('names files so a person can find a member in a folder', () => {
    expect(listFileName(docs, li, false)).toBe('2025年度-某某县财政局-02-李四-征求意见建议清单.docx');
    expect(listFileName(docs, docs.targets[0]!, true)).toBe('2025年度-某某县财政局-00-领导班子-征求意见建议清单（内部资料）.docx');
    expect(combinedListFileName(docs, false)).toBe('2025年度-某某县财政局-征求意见建议清单（全部）.docx');
    expect(reportFileName(docs)).toBe('2025年度-某某县财政局-征求意见情况报告.docx');
    expect(ledgerFileName(docs)).toBe('2025年度-某某县财政局-意见建议汇总台账（内部资料）.xlsx');
  });
  it('never lets a name carry a folder or a reserved character', () => {
    expect(safeFileName('../..\\etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a:b*c?"d<e>f|g\u0001')).toBe('a_b_c__d_e_f_g_');
    expect(safeFileName(' . ')).toBe('未命名');
  });
});
