// One reading of a header row for imported files and pasted tables (fields.ts): the names and
// synonyms of each field, questionnaire questions, respondent and numbering columns.
import { describe, expect, it } from 'vitest';
import { classifyHeader, matchHeaderRow } from '#shared/import/fields';

describe('matchHeaderRow', () => {
  it('maps a pasted Word table’s header: serial column, provider, opinion', () => {
    const match = matchHeaderRow(['序号', '提出单位', '意见建议']);
    expect(match.columns).toEqual({ provider: 1, content: 2 });
    expect(match.kinds[0]).toEqual({ kind: 'numbering' });
    expect(match.isHeader).toBe(true);
  });

  it('reads questionnaire questions: the identity question is the source', () => {
    for (const header of ['2、您的身份', '您属于', '您的单位类别', 'Q3. 您的身份是？', '3、您属于以下哪类人员']) {
      expect(classifyHeader(header), header).toMatchObject({ kind: 'field', field: 'category' });
    }
    expect(matchHeaderRow(['1、意见对象', '2、您的身份', '3、您对该同志的意见建议']).columns).toEqual({ target: 0, category: 1, content: 2 });
  });

  it('prefers a column named exactly over one whose question mentions the field', () => {
    expect(matchHeaderRow(['您对班子的意见建议', '意见建议']).columns).toEqual({ content: 1 });
  });

  it('does not take an opinion row for a header', () => {
    expect(matchHeaderRow(['张三', '基层群众', '调研不够深入']).isHeader).toBe(false);
    expect(matchHeaderRow(['1', '学习不够深入，学用结合不紧']).isHeader).toBe(false);
  });

  it('keeps respondent columns apart (never a provider without being asked)', () => {
    expect(matchHeaderRow(['提交答卷时间', '来自IP', '昵称', '意见建议']).kinds.slice(0, 3)).toEqual([{ kind: 'identity' }, { kind: 'identity' }, { kind: 'identity' }]);
  });
});
