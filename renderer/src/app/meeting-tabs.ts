// A meeting's tabs in groups, the order of the work: collecting opinions, consolidating them into
// problems, the pre-meeting check, rectification, then the files and records. Fifteen tabs in one
// bar went under its "…" at 1440 px; the group is picked first, then its tab. The key of a tab is
// the third segment of its route (`#/meetings/ID/rectification`): routes and links stay as they were.
interface MeetingTab<K extends string> {
  key: K;
  label: string;
}

type Pairs<K extends string> = readonly [readonly [K, string], ...(readonly [K, string])[]];

/** A group of tabs, given as `[key, label]` pairs in their order (at least one). */
function group<const K extends string>(key: string, label: string, tabs: Pairs<K>): { key: string; label: string; tabs: readonly [MeetingTab<K>, ...MeetingTab<K>[]] } {
  const [[firstKey, firstLabel], ...rest] = tabs;
  return { key, label, tabs: [{ key: firstKey, label: firstLabel }, ...rest.map(([k, l]) => ({ key: k, label: l }))] };
}

export const MEETING_TAB_GROUPS = [
  group('collect', '征求意见', [
    ['readiness', '就绪情况'],
    ['roster', '班子成员'],
    ['entry', '录入意见'],
    ['import', '导入'],
    ['opinions', '意见列表'],
    ['bin', '回收站'],
  ]),
  group('problems', '梳理与问题', [
    ['consolidation', '梳理'],
    ['problems', '查摆问题'],
  ]),
  group('pre-meeting', '会前准备与审核', [
    ['talks', '谈心谈话'],
    ['preparation', '会前准备'],
    ['audit', '审核'],
  ]),
  group('rectification', '整改落实', [['rectification', '整改']]),
  group('files', '文件与记录', [
    ['exports', '导出与打印'],
    ['settings', '会议设置'],
    ['history', '变更记录'],
  ]),
] as const;

export type MeetingTabKey = (typeof MEETING_TAB_GROUPS)[number]['tabs'][number]['key'];

/** The group a tab belongs to (the first group for an unknown key). */
export function groupOfTab(key: string): (typeof MEETING_TAB_GROUPS)[number] {
  return MEETING_TAB_GROUPS.find((g) => g.tabs.some((t) => t.key === key)) ?? MEETING_TAB_GROUPS[0];
}

/** The group of a tab named by its label (`整改` → 整改落实), for the end-to-end tests. */
export function groupOfTabLabel(label: string): (typeof MEETING_TAB_GROUPS)[number] | undefined {
  return MEETING_TAB_GROUPS.find((g) => g.tabs.some((t) => t.label === label));
}
