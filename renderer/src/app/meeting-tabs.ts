// A meeting's tabs in groups, the order of the work: collecting opinions, consolidating them into
// problems, the pre-meeting check, rectification, then the files and records. Fifteen tabs in one
// bar went under its "…" at 1440 px; the group is picked first, then its tab. The key of a tab is
// the third segment of its route (`#/meetings/ID/rectification`): routes and links stay as they were.
export const MEETING_TAB_GROUPS = [
  {
    key: 'collect',
    label: '征求意见',
    tabs: [
      { key: 'readiness', label: '就绪情况' },
      { key: 'roster', label: '班子成员' },
      { key: 'entry', label: '录入意见' },
      { key: 'import', label: '导入' },
      { key: 'opinions', label: '意见列表' },
      { key: 'bin', label: '回收站' },
    ],
  },
  {
    key: 'problems',
    label: '梳理与问题',
    tabs: [
      { key: 'consolidation', label: '梳理' },
      { key: 'problems', label: '查摆问题' },
    ],
  },
  {
    key: 'pre-meeting',
    label: '会前准备与审核',
    tabs: [
      { key: 'talks', label: '谈心谈话' },
      { key: 'preparation', label: '会前准备' },
      { key: 'audit', label: '审核' },
    ],
  },
  { key: 'rectification', label: '整改落实', tabs: [{ key: 'rectification', label: '整改' }] },
  {
    key: 'files',
    label: '文件与记录',
    tabs: [
      { key: 'exports', label: '导出与打印' },
      { key: 'settings', label: '会议设置' },
      { key: 'history', label: '变更记录' },
    ],
  },
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
