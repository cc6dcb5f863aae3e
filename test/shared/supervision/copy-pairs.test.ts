import { describe, expect, it } from 'vitest';
import { copyPairs, copyPairText } from '#shared/supervision/copy-pairs';
import type { MeetingWarning } from '#shared/supervision/warnings';

const ref = (id: string, unit: string) => ({ id, meetingId: `m-${unit}`, unitId: unit, targetId: 'group', category: '上级领导', content: id });
const copy = (a: string, aUnit: string, b: string, bUnit: string): Pick<MeetingWarning, 'kind' | 'a' | 'b'> => ({ kind: 'cross-unit', a: ref(a, aUnit), b: ref(b, bUnit) });
const names: Record<string, string> = { x: '教育局', y: '卫生健康局', z: '统计局' };

describe('copyPairs', () => {
  it('groups 疑似抄袭 warnings by the two meetings, counting each side\'s own opinions, most first', () => {
    const warnings = [
      copy('z1', 'z', 'x9', 'x'),
      copy('x1', 'x', 'y1', 'y'),
      copy('y1', 'y', 'x1', 'x'),
      copy('x2', 'x', 'y2', 'y'),
      copy('y2', 'y', 'x2', 'x'),
      copy('x3', 'x', 'y3', 'y'),
      { kind: 'cross-target' as const, a: ref('x4', 'x'), b: ref('x5', 'x') },
      { kind: 'praise-only' as const, a: ref('x6', 'x') },
    ];
    const pairs = copyPairs(warnings, (id) => names[id]!);
    expect(pairs.map(copyPairText)).toEqual(['教育局 3 条 ↔ 卫生健康局 2 条', '统计局 1 条 ↔ 教育局 0 条']);
    expect(pairs[0]!.meetings).toEqual(['m-x', 'm-y']);
  });

  it('is empty without cross-unit copies', () => {
    expect(copyPairs([], (id) => id)).toEqual([]);
  });
});
