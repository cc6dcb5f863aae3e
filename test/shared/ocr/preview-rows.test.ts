// The 识别纸质表 preview's rules, without a browser: which rows are ticked, what blocks a row, how a
// correction or a chosen field changes it, and what the commit writes (file, page, cell, row).
import { describe, expect, it } from 'vitest';
import { GROUP_TARGET } from '#shared/model/types';
import { defaultRuleSet } from '#shared/model/rule-set';
import type { FormOpinion, FormReading } from '#shared/ocr/form';
import { planOcrRows } from '#shared/ocr/plan';
import { cellImagesOf, isPaperOrigin, paperSheet, previewRows, problemsByField, rowsToImport, type FormPage, type PreviewMeeting, type RowEdit } from '#shared/ocr/preview-rows';

const ZHANG = '00000000-0000-4000-8000-000000000001';
const LI = '00000000-0000-4000-8000-000000000002';
const ruleSet = defaultRuleSet();
const members = [
  { id: ZHANG, name: '张三', position: '局长' },
  { id: LI, name: '李四', position: '副局长' },
];

function meeting(existing: PreviewMeeting['existing'] = []): PreviewMeeting {
  return { members, ruleSet, dimensions: [], context: { ruleSet, dimensions: [], memberIds: new Set([ZHANG, LI]) }, existing };
}

/** An opinion as the form reader gives it; characters in `doubtful` have confidence 0.5. */
function opinion(part: FormOpinion['part'], label: string, text: string, row: number, doubtful = ''): FormOpinion {
  return {
    part,
    label,
    text,
    chars: [...text].map((char) => ({ char, confidence: doubtful.includes(char) ? 0.5 : 0.99 })),
    cell: { x: 200, y: row * 40, width: 600, height: 40 },
    row,
    column: 1,
    likelyHeading: false,
  };
}

function page(opinions: FormOpinion[], category = '基层群众'): FormPage {
  const reading: FormReading = { opinions, notOpinions: [], ...(category ? { category: { text: category, chars: [...category].map((char) => ({ char, confidence: 0.99 })) } } : {}) };
  return { key: '0', fileName: '意见表.png', pageNumber: 1, reading, provider: '县交通运输局' };
}

const FORM = page([
  opinion('group', '政治忠诚', '理论学习的系统性不够。', 2),
  opinion('members', '张三 (局长)', '听取基层意见的渠道还不够多。', 6, '渠'),
  opinion('members', '赵六（副局长）', '对执法队伍的日常管理偏松。', 7),
  opinion('members', '李四（副局长）', '无', 8),
]);

const rows = (pages: FormPage[], edits: Array<[string, RowEdit]> = [], m = meeting(), options: { category?: string } = {}) => previewRows(pages, new Map(edits), m, options);

describe('the paper-form preview', () => {
  it('ticks only rows that can be imported and need no look first', () => {
    const r = rows([FORM]);
    expect(r.map((x) => [x.targetId, x.category, x.channel, x.importable, x.ticked])).toEqual([
      [GROUP_TARGET, '基层群众', '书面征求', true, true],
      // A doubtful character: importable, but ticked only once staff have checked it.
      [ZHANG, '基层群众', '书面征求', true, false],
      // A name not on the roster: blocked with the matcher's reason.
      [undefined, '基层群众', '书面征求', false, false],
      // A no-opinion answer: importable (uncounted), not ticked by default.
      [LI, '基层群众', '书面征求', true, false],
    ]);
    expect(r[1]!.doubtful).toEqual([7]);
    expect(r[2]!.problems).toEqual(['“赵六（副局长）”不在班子成员名单中']);
    expect(r[3]!.noOpinion).toBe(true);
  });

  it('takes a corrected text as checked, and a chosen target as the match', () => {
    const r = rows([FORM], [
      ['0/1', { text: '听取基层意见的渠道还不够多，方式单一。', ticked: true }],
      ['0/2', { targetId: LI }],
    ]);
    expect([r[1]!.text, r[1]!.edited, r[1]!.doubtful, r[1]!.ticked]).toEqual(['听取基层意见的渠道还不够多，方式单一。', true, [], true]);
    expect([r[2]!.targetId, r[2]!.problems, r[2]!.importable, r[2]!.ticked]).toEqual([LI, [], true, true]);
  });

  it('blocks a repeat of what the meeting has, and of an earlier ticked row', () => {
    const twice = page([opinion('group', '政治忠诚', '理论学习的系统性不够。', 2), opinion('group', '担当作为', '理论学习的系统性不够。', 3)]);
    const fresh = rows([twice]);
    expect(fresh.map((x) => [x.ticked, x.duplicate])).toEqual([
      [true, false],
      [false, true],
    ]);
    // Unticking the first frees the second.
    expect(rows([twice], [['0/0', { ticked: false }]]).map((x) => [x.ticked, x.duplicate])).toEqual([
      [false, false],
      [true, false],
    ]);
    const inMeeting = rows([twice], [], meeting([{ targetId: GROUP_TARGET, category: '基层群众', content: '理论学习的系统性不够。' }]));
    expect(inMeeting.map((x) => [x.importable, x.problems[0]])).toEqual([
      [false, '与会议中已有的意见（或本批前面的一条）重复，不再导入'],
      [false, '与会议中已有的意见（或本批前面的一条）重复，不再导入'],
    ]);
  });

  it('asks for the category when the form has none, without the command line hint, and takes one for the batch', () => {
    const bare = page([opinion('members', '张三（局长）', '对重点项目的督促检查需要加强。', 6)], '');
    expect(rows([bare])[0]!.problems).toEqual(['表上没有意见来源，请指定']);
    expect(rows([bare], [], meeting(), { category: '服务对象' })[0]).toMatchObject({ category: '服务对象', problems: [], ticked: true });
    expect(rows([bare], [['0/0', { category: '上级领导' }]])[0]).toMatchObject({ category: '上级领导', problems: [], ticked: true });
  });

  it('writes each ticked row with its file, page, cell and table row, and the form unit as provider', () => {
    const written = rowsToImport(rows([FORM], [['0/1', { ticked: true }]]));
    expect(written).toEqual([
      { file: '意见表.png', sheet: '第1页·第2栏', row: 3, draft: { targetId: GROUP_TARGET, category: '基层群众', channel: '书面征求', content: '理论学习的系统性不够。', provider: '县交通运输局', dimension: '' } },
      { file: '意见表.png', sheet: '第1页·第2栏', row: 7, draft: { targetId: ZHANG, category: '基层群众', channel: '书面征求', content: '听取基层意见的渠道还不够多。', provider: '县交通运输局', dimension: '' } },
    ]);
  });
});

describe('the cell pictures of a page', () => {
  it('go with the rows written, one per opinion, cut once per cell and found by row and column', () => {
    const grey = { width: 1000, height: 400, data: new Uint8Array(1000 * 400).fill(255).map((v, i) => (i % 1000 < 500 && Math.floor(i / 1000) % 40 < 20 ? 30 : v)) };
    const two = page([opinion('group', '政治忠诚', '理论学习的系统性不够。', 2), opinion('group', '政治忠诚', '学用结合不紧。', 2)]);
    const cells = cellImagesOf(grey, [40, 40, 44], two.reading);
    expect([...cells.keys()]).toEqual(['2:1']);
    expect(cells.get('2:1')).toMatchObject({ box: { x: 200, y: 80, width: 600, height: 40 }, width: 450, height: 30 });
    const written = rowsToImport(rows([{ ...two, cells }]));
    expect(written.map((r) => r.scan)).toEqual([
      { page: 1, column: 2, image: cells.get('2:1') },
      { page: 1, column: 2, image: cells.get('2:1') },
    ]);
    expect(written[0]!.sheet).toBe(paperSheet(1, 2));
    expect(isPaperOrigin({ kind: 'imported', sheet: written[0]!.sheet })).toBe(true);
    expect(isPaperOrigin({ kind: 'imported', sheet: 'Sheet1' })).toBe(false);
    expect(isPaperOrigin({ kind: 'pasted' })).toBe(false);
    // A page without pictures (the preview's tests, an old reader) writes rows without them.
    expect(rowsToImport(rows([two])).every((r) => r.scan === undefined)).toBe(true);
  });
});

describe('problemsByField', () => {
  it('gives planOcrRows’s problems back per field, in its order', () => {
    const reading: FormReading = { opinions: [opinion('members', '赵六', '管理偏松。', 3)], notOpinions: [], channel: { text: '飞鸽传书', chars: [] } };
    const [row] = planOcrRows(reading, meeting(), {});
    expect(row!.problems).toHaveLength(3);
    const byField = problemsByField(row!);
    expect(byField.target).toContain('赵六');
    expect(byField.category).toBe('表上没有意见来源，请指定');
    expect(byField.channel).toContain('飞鸽传书');
  });
});
