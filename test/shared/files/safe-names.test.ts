import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeFileName, cutToBytes, MAX_NAME_BYTES, NAME_BUDGET, nameKey, safeName, temporaryName, uniqueNames, utf8Length } from '#shared/files/safe-names';

const bytes = (s: string) => new TextEncoder().encode(s).byteLength;

describe('safe file names', () => {
  it('counts and cuts UTF-8 bytes without splitting a character', () => {
    expect(utf8Length('民主a😀')).toBe(bytes('民主a😀'));
    expect(cutToBytes('民主生活会', 7)).toBe('民主');
    expect(cutToBytes('a😀b', 4)).toBe('a');
  });

  it.each([
    ['CON', '_CON'],
    ['con.docx', '_con.docx'],
    ['NUL.tar.gz', '_NUL.tar.gz'],
    ['COM1', '_COM1'],
    ['lpt9.xlsx', '_lpt9.xlsx'],
    ['CONTROL.docx', 'CONTROL.docx'],
    ['清单. . .', '清单'],
    ['  清单.docx  ', '清单.docx'],
    ['a:b*c?"d<e>f|g\u0001.docx', 'a_b_c__d_e_f_g_.docx'],
    ['报告\u202excod.exe', '报告_xcod.exe'],
    ['张\u200b三.docx', '张_三.docx'],
    ['\u2067李四\u2069.docx', '_李四_.docx'],
    ['', '未命名'],
  ])('makes %j safe: %j', (input, expected) => {
    expect(safeName(input)).toBe(expected);
  });

  it('keeps every name, its temporary name included, within 255 bytes whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('', '.docx', '.xlsx', '.zip'), (s, ext) => {
        const name = safeName(`${s}${ext}`);
        expect(bytes(name)).toBeLessThanOrEqual(NAME_BUDGET);
        expect(bytes(temporaryName(name, 'abcdef12'))).toBeLessThanOrEqual(MAX_NAME_BYTES);
        // eslint-disable-next-line no-control-regex -- the point: no control character in a name
        expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(name).not.toMatch(/[. ]$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('shortens the long parts first and keeps rank, name and kind whole', () => {
    const unit = '某'.repeat(200);
    const a = composeFileName(['2025年度', { text: unit, cut: 1 }, '03', { text: '李四', cut: 2 }, '征求意见建议清单（内部资料）'], '.docx');
    expect(bytes(a)).toBeLessThanOrEqual(NAME_BUDGET);
    expect(a).toMatch(/^2025年度-某+…-03-李四-征求意见建议清单（内部资料）\.docx$/);
    const latin = composeFileName(['2025', { text: 'Bureau '.repeat(40), cut: 1 }, '12', { text: 'Zhang '.repeat(60), cut: 2 }, 'list'], '.docx');
    expect(bytes(latin)).toBeLessThanOrEqual(NAME_BUDGET);
    expect(latin).toMatch(/^2025-Bureau.*…-12-Zhang.*-list\.docx$/);
  });

  it('makes names unique without regard to case, dropping none', () => {
    const names = uniqueNames(['清单.docx', 'List.docx', 'LIST.docx', 'list.docx', '清单.docx', 'CON.docx', 'con.docx']);
    expect(names).toEqual(['清单.docx', 'List.docx', 'LIST（2）.docx', 'list（3）.docx', '清单（2）.docx', '_CON.docx', '_con（2）.docx']);
    expect(new Set(names.map(nameKey)).size).toBe(names.length);
    const long = uniqueNames(Array.from({ length: 12 }, () => `${'很'.repeat(120)}.docx`));
    expect(new Set(long.map(nameKey)).size).toBe(12);
    for (const n of long) expect(bytes(n)).toBeLessThanOrEqual(NAME_BUDGET);
  });
});
