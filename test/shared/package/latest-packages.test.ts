import { describe, expect, it } from 'vitest';
import { latestPackages, type ReceivedPackage } from '#shared/package/latest-packages';
import { selectUnits } from '#shared/package/format';
import { sampleContent } from '../../support/sample-content';

const content = sampleContent({ units: 3 });
const [u1, u2, u3] = content.units.map((u) => u.id);
const pkg = (name: string, exportedAt: string, checksum: string, units: string[]): ReceivedPackage => ({ name, exportedAt, checksum, content: selectUnits(content, units) });

describe('latestPackages', () => {
  it('counts a package given twice once and says so', () => {
    const a = pkg('a.mzsh.json', '2025-12-20T00:00:00.000Z', 'x', [u1!]);
    const copy = pkg('a-副本.mzsh.json', '2025-12-20T00:00:00.000Z', 'x', [u1!]);
    const result = latestPackages([a, copy]);
    expect(result.kept).toEqual([a]);
    expect(result.notes).toEqual(['“a-副本.mzsh.json”与“a.mzsh.json”是同一数据包（校验码相同），只计一次']);
  });

  it('replaces a unit\'s package by a later export that carries all its units, whatever the order given', () => {
    const older = pkg('旧.mzsh.json', '2025-12-20T00:00:00.000Z', 'old', [u1!]);
    const newer = pkg('新.mzsh.json', '2025-12-22T00:00:00.000Z', 'new', [u1!]);
    for (const order of [[older, newer], [newer, older]]) {
      const result = latestPackages(order);
      expect(result.kept).toEqual([newer]);
      expect(result.notes).toHaveLength(1);
      expect(result.notes[0]).toMatch(/^“旧\.mzsh\.json”（导出于 2025-12-2\d \d\d:00:00）已由同一单位较新的“新\.mzsh\.json”（导出于 2025-12-2\d \d\d:00:00）取代，未计入$/);
    }
  });

  it('keeps packages that only partly overlap, an earlier superset, and packages of other units', () => {
    const both = pkg('两个单位.mzsh.json', '2025-12-20T00:00:00.000Z', 'ab', [u1!, u2!]);
    const later = pkg('一个单位.mzsh.json', '2025-12-22T00:00:00.000Z', 'a', [u1!]);
    const other = pkg('另一单位.mzsh.json', '2025-12-25T00:00:00.000Z', 'c', [u3!]);
    const partly = pkg('部分.mzsh.json', '2025-12-26T00:00:00.000Z', 'bc', [u2!, u3!]);
    expect(latestPackages([both, later, other]).kept).toEqual([both, later, other]);
    // The later package with u2 and u3 replaces the one with u3 alone, not the one with u1 and u2.
    const result = latestPackages([both, other, partly]);
    expect(result.kept).toEqual([both, partly]);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toContain('“另一单位.mzsh.json”');
  });
});
