// The small rules of reading a spreadsheet: encodings, header names, and matching cell values to
// the meeting's roster and rule set without guessing.
import { describe, expect, it } from 'vitest';
import { decodeText } from '#shared/import/decode-text';
import { classifyHeader } from '#shared/import/fields';
import { columnIndex, columnLetter } from '#shared/import/grid';
import { meansGroup } from '#shared/model/drafts';
import { cellValue, matchCategory, matchChannel, matchDate, matchDimension, matchTarget } from '#shared/import/values';
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS } from '#shared/model/rule-set';
import { GROUP_TARGET } from '#shared/model/types';
import { DIMENSIONS, memberId, ROSTER } from '../../support/import-fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('decides the encoding from the bytes', () => {
    expect(decodeText(utf8('\uFEFF意见,建议'))).toMatchObject({ ok: true, text: '意见,建议', encoding: 'UTF-8（带 BOM）' });
    expect(decodeText(utf8('意见,建议'))).toMatchObject({ ok: true, text: '意见,建议', encoding: 'UTF-8' });
    // 张三 in GBK.
    expect(decodeText(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]))).toMatchObject({ ok: true, text: '张三', encoding: 'GBK/GB18030' });
    const utf16 = new Uint8Array([0xff, 0xfe, 0x20, 0x5f, 0x09, 0x00, 0x09, 0x4e]);
    expect(decodeText(utf16)).toMatchObject({ ok: true, text: '张\t三', encoding: 'UTF-16LE' });
  });

  it('reads a UTF-8 file cut inside its last character, and says so', () => {
    const cut = utf8('意见,建议').subarray(0, 11);
    expect(decodeText(cut)).toEqual({ ok: true, text: '意见,建', encoding: 'UTF-8', notes: ['文件末尾不完整（可能被截断），最后一个不完整的字符已忽略'] });
  });

  it('refuses binary data and a BOM that lies', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x00, 0x01]))).toEqual({ ok: false, error: '文件不是文本或表格文件（内容为二进制数据）' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xd5, 0xc5]))).toMatchObject({ ok: false });
  });
});

describe('classifyHeader', () => {
  it.each([
    ['意见对象', 'target'],
    ['征求对象', 'target'],
    ['班子成员', 'target'],
    ['针对对象', 'target'],
    ['意见来源', 'category'],
    ['来源类别', 'category'],
    ['征求对象类别', 'category'],
    ['意见建议', 'content'],
    ['意见内容', 'content'],
    ['具体意见', 'content'],
    ['征求方式', 'channel'],
    ['渠道', 'channel'],
    ['提出单位', 'provider'],
    ['提出人', 'provider'],
    ['所属方面', 'dimension'],
    ['对照方面', 'dimension'],
    ['意见建议（必填）', 'content'],
    ['*意见对象', 'target'],
    ['3、您对该同志的意见建议', 'content'],
    ['1、您要提意见的班子成员', 'target'],
    ['2、您的身份（意见来源）', 'category'],
  ])('reads %s as %s', (header, field) => {
    expect(classifyHeader(header)).toMatchObject({ kind: 'field', field });
  });

  it('knows questionnaire identity columns and row numbers, and leaves the rest unknown', () => {
    for (const h of ['提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '昵称', '答题时长']) expect(classifyHeader(h)).toEqual({ kind: 'identity' });
    expect(classifyHeader('序号')).toEqual({ kind: 'numbering' });
    expect(classifyHeader('被征求人')).toEqual({ kind: 'unknown' });
    expect(classifyHeader('某某县财政局征求意见汇总表')).toEqual({ kind: 'unknown' });
  });
});

describe('matching values', () => {
  it('finds the group and members by name, bracketed position, 同志, spaces and name + position written together', () => {
    for (const t of ['领导班子', '班子', '班子整体', '局党组班子']) expect(matchTarget(t, '', ROSTER)).toEqual({ ok: true, value: GROUP_TARGET });
    for (const t of ['张三', '张三（局长）', '张三(局长)', '张三同志', '张 三', '局长张三', '张三局长']) expect(matchTarget(t, '', ROSTER)).toEqual({ ok: true, value: memberId('张三') });
    expect(meansGroup('班子成员')).toBe(false);
  });

  it('tells apart namesakes by whole parts of the position, never by a part of a word', () => {
    expect(matchTarget('张伟', '纪检组长', ROSTER)).toEqual({ ok: true, value: memberId('张伟（纪检组长）') });
    expect(matchTarget('张伟（副局长）', '', ROSTER)).toEqual({ ok: true, value: memberId('张伟（副局长）') });
    expect(matchTarget('张伟', '局长', ROSTER)).toMatchObject({ ok: false });
    const roster = [...ROSTER.slice(0, 3), { id: 'x', name: '张伟', position: '党组书记、局长' }, { id: 'y', name: '张伟', position: '副局长' }];
    expect(matchTarget('张伟', '局长', roster)).toEqual({ ok: true, value: 'x' });
  });

  it('maps common variants of categories and channels, and refuses anything else', () => {
    expect(matchCategory('上级', DEFAULT_CATEGORIES)).toEqual({ ok: true, value: '上级领导' });
    expect(matchCategory('群众', DEFAULT_CATEGORIES)).toEqual({ ok: true, value: '基层群众' });
    expect(matchCategory('基层群众代表', DEFAULT_CATEGORIES)).toEqual({ ok: true, value: '基层群众' });
    expect(matchCategory('服务对象意见', DEFAULT_CATEGORIES)).toEqual({ ok: true, value: '服务对象' });
    expect(matchCategory('下属', DEFAULT_CATEGORIES)).toEqual({ ok: true, value: '下属单位' });
    expect(matchCategory('群众', ['上级领导', '下属单位'])).toMatchObject({ ok: false });
    expect(matchCategory('社会组织', DEFAULT_CATEGORIES)).toEqual({ ok: false, reason: '意见来源“社会组织”不在本次会议的来源类别中（上级领导、下属单位、分管领域、服务对象、基层群众）' });
    expect(matchChannel('谈话', DEFAULT_CHANNELS)).toEqual({ ok: true, value: '谈心谈话' });
    expect(matchChannel('电话', DEFAULT_CHANNELS)).toEqual({ ok: true, value: '领导信箱/电话' });
    expect(matchChannel('领导信箱、电话', DEFAULT_CHANNELS)).toEqual({ ok: true, value: '领导信箱/电话' });
    expect(matchChannel('周二无会日', DEFAULT_CHANNELS)).toEqual({ ok: true, value: '走访' });
    expect(matchChannel('飞鸽传书', DEFAULT_CHANNELS)).toMatchObject({ ok: false });
  });

  it('matches a dimension exactly or by a distinctive part of one', () => {
    expect(matchDimension('带头干事创业、担当作为', DIMENSIONS)).toEqual({ ok: true, value: '带头干事创业、担当作为' });
    expect(matchDimension('政治忠诚', DIMENSIONS)).toEqual({ ok: true, value: '带头强化政治忠诚、提高政治能力' });
    expect(matchDimension('带头', DIMENSIONS)).toMatchObject({ ok: false });
  });

  it('reads dates in the ways people type them', () => {
    for (const t of ['2025-11-01', '2025/11/1', '2025.11.01', '2025年11月1日', '20251101', '2025/11/1 09:30:00']) expect(matchDate(t, undefined)).toEqual({ ok: true, value: '2025-11-01' });
    expect(matchDate('11月1日', undefined)).toMatchObject({ ok: false });
    expect(matchDate('2025-02-30', undefined)).toMatchObject({ ok: false });
    expect(matchDate('45962', '2025-11-01')).toEqual({ ok: true, value: '2025-11-01' });
    // A date cell that lost its date format shows Excel's day number.
    expect(matchDate('45962', undefined)).toEqual({ ok: true, value: '2025-11-01' });
    expect(matchDate('45962.5', undefined)).toEqual({ ok: true, value: '2025-11-01' });
    expect(matchDate('36526', undefined)).toEqual({ ok: true, value: '2000-01-01' });
    expect(matchDate('73050', undefined)).toEqual({ ok: true, value: '2099-12-31' });
    for (const t of ['36525', '73051', '4596', '459620']) expect(matchDate(t, undefined)).toMatchObject({ ok: false });
  });

  it('reads questionnaire placeholders as empty', () => {
    expect(cellValue('(跳过)')).toBe('');
    expect(cellValue('（空）')).toBe('');
    expect(cellValue(' 无 ')).toBe('无');
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'z', 'AA', 'AAA', '第一列', ''].map(columnIndex)).toEqual([0, 25, 26, 702, -1, -1]);
  });
});
