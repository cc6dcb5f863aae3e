// The overview's 显示列 choice as stored in localStorage: read back in the table's order, anything
// unreadable or unknown falling back to the default set (which fits a 1440 px screen).
import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS, readGroups } from '../../../renderer/src/features/overview/column-groups';

describe('the overview column groups kept in the browser profile', () => {
  it('reads a stored choice in the table order and drops names it does not know', () => {
    expect(readGroups(JSON.stringify(['audit', 'rectification', 'nonsense']))).toEqual(['rectification', 'audit']);
    expect(readGroups('[]')).toEqual([]);
  });

  it('falls back to the default set when nothing, or something unreadable, is stored', () => {
    for (const raw of [null, undefined, '', '{', '"audit"', '{"a":1}']) expect(readGroups(raw)).toEqual([...DEFAULT_GROUPS]);
    expect(DEFAULT_GROUPS).toEqual(['opinions', 'coverage', 'audit']);
  });
});
