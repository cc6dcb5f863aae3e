import { compareKey } from '#shared/text/normalize';
import type { Member } from '#shared/model/types';
import { targetLabel } from '#shared/meeting/roster';

/** The warning shown while a name that the roster already has is typed: two members of one name must differ by position. */
export function sameNameWarning(name: string, members: readonly Pick<Member, 'name' | 'position'>[]): string | undefined {
  const key = compareKey(name);
  if (key === '') return undefined;
  const same = members.filter((m) => compareKey(m.name) === key);
  if (same.length === 0) return undefined;
  return `名单中已有${same.map(targetLabel).join('、')}：同名成员请填写职务以区分，导入和文件名按职务区分`;
}
