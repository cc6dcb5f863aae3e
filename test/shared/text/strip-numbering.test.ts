// stripNumbering skips readMarker for a line whose first character (after spaces) starts no marker:
// the shortcut must strip exactly what reading the markers one by one strips, whatever the line starts with.
import { describe, expect, it } from 'vitest';
import { stripMarkers, stripNumbering } from '#shared/text/numbering';

describe('stripNumbering', () => {
  it('strips what reading the markers strips, for every first character of the basic plane', () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      // What may follow the first character of each style: a number, a delimiter, a closing bracket, 条…
      for (const rest of ['加强学习', '、加强', '1、加强', '1）加强', '二）加强', '二条 加强', '3项：加强', ' 加强', '.5亿', '']) {
        for (const line of [`${c}${rest}`, ` \u3000${c}${rest}`]) if (stripNumbering(line) !== stripMarkers(line)) differing.push(line);
      }
    }
    expect(differing).toEqual([]);
  });

  it('strips markers after any kind of leading space', () => {
    for (const space of [' ', '\t', '\u3000', '\u00a0', '\ufeff', '\n', '\u2028']) {
      expect(stripNumbering(`${space}（３）加强学习`)).toBe('加强学习');
      expect(stripNumbering(`${space}${space}① 加强学习`)).toBe('加强学习');
      expect(stripNumbering(`${space}加强学习${space}`)).toBe('加强学习');
    }
  });
});
