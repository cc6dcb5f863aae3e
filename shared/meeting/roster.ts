// The roster's names and order: how a target is called and in which order targets are listed.
// Every list, document, message and command line output takes its labels and its order from here.
import { GROUP_LABEL, GROUP_TARGET, type Member } from '../model/types';

/** `张三（副县长）`; without a position just the name. */
export function targetLabel(member: Pick<Member, 'name' | 'position'>): string {
  return member.position.trim() === '' ? member.name : `${member.name}（${member.position}）`;
}

/** Every target's label by id: 领导班子 for the group, then `姓名（职务）` for each member given. */
export function targetLabels(members: readonly Pick<Member, 'id' | 'name' | 'position'>[]): Map<string, string> {
  return new Map<string, string>([[GROUP_TARGET, GROUP_LABEL], ...members.map((m) => [m.id, targetLabel(m)] as [string, string])]);
}

/** Members in rank order (ties by id's code order only to be deterministic), deleted ones left out. */
export function orderedMembers<T extends Pick<Member, 'rank' | 'name' | 'deletedAt'> & { id: string }>(
  members: readonly T[],
): T[] {
  return members
    .filter((m) => !m.deletedAt)
    .slice()
    .sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
