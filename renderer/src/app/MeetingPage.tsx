import { Breadcrumb, Card, ConfigProvider, Result, Segmented, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { navigate } from '../lib/use-route';
import { AuditTab } from '../features/audit/AuditTab';
import { ExportTab } from '../features/exports/ExportTab';
import { ChangeLogTab } from '../features/history/ChangeLogTab';
import { ConsolidationTab } from '../features/consolidation/ConsolidationTab';
import { ProblemsTab } from '../features/problems/ProblemsTab';
import { ImportPage } from './ImportPage';
import { EntryTab } from '../features/opinions/EntryTab';
import { OpinionListTab } from '../features/opinions/OpinionListTab';
import { RecycleBinTab } from '../features/opinions/RecycleBinTab';
import { ReadinessTab } from '../features/readiness/ReadinessTab';
import { OverdueTag } from '../features/rectification/OverdueTag';
import { RectificationTab } from '../features/rectification/RectificationTab';
import { RosterTab } from '../features/roster/RosterTab';
import { LatestVerdict } from '../features/meetings/LatestVerdict';
import { MeetingSettingsTab } from '../features/meetings/MeetingSettingsTab';
import { PreparationTab } from '../features/preparation/PreparationTab';
import { TalksTab } from '../features/talks/TalksTab';
import { MeetingProvider } from '../meeting/meeting-context';
import { useMeetingData } from '../meeting/use-meeting-data';
import { groupOfTab, MEETING_TAB_GROUPS, type MeetingTabKey } from './meeting-tabs';

/** What each tab shows (the tabs, their labels and groups: meeting-tabs.ts). */
const TABS: Record<MeetingTabKey, (query: URLSearchParams) => ReactNode> = {
  readiness: () => <ReadinessTab />,
  entry: () => <EntryTab />,
  import: () => <ImportPage />,
  opinions: (q) => <OpinionListTab query={q} />,
  consolidation: () => <ConsolidationTab />,
  problems: () => <ProblemsTab />,
  roster: () => <RosterTab />,
  talks: () => <TalksTab />,
  preparation: () => <PreparationTab />,
  rectification: (q) => <RectificationTab query={q} />,
  exports: () => <ExportTab />,
  settings: () => <MeetingSettingsTab />,
  bin: () => <RecycleBinTab />,
  history: () => <ChangeLogTab />,
  audit: () => <AuditTab />,
};
const isTab = (key: string): key is MeetingTabKey => key in TABS;

export function MeetingPage({ meetingId, tab, query }: { meetingId: string; tab: string; query: URLSearchParams }) {
  const data = useMeetingData(meetingId);
  // The tab last open in each group, so going back to a group returns to where the person was.
  const lastInGroup = useRef(new Map<string, MeetingTabKey>());
  const active: MeetingTabKey = isTab(tab) ? tab : 'readiness';
  const group = groupOfTab(active);
  useEffect(() => {
    lastInGroup.current.set(group.key, active);
  }, [group.key, active]);
  if (data === undefined) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (data === null) return <Result status="404" title="该会议不存在或已删除" extra={<a href="#/">回到单位列表</a>} />;
  const { meeting, unit, readiness } = data;
  const openGroup = (key: string) => {
    const g = MEETING_TAB_GROUPS.find((x) => x.key === key)!;
    navigate(`/meetings/${meetingId}/${lastInGroup.current.get(g.key) ?? g.tabs[0].key}`);
  };

  return (
    <MeetingProvider data={data}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Breadcrumb
          className="no-print"
          items={[{ title: <a href="#/">单位与会议</a> }, { title: <a href={`#/units/${meeting.unitId}`}>{unit?.name ?? '单位'}</a> }, { title: meeting.title }]}
        />
        <Card size="small" styles={{ body: { padding: '8px 16px 0' } }}>
          <Space align="center" size={12} wrap style={{ marginBottom: 4 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {unit?.name} · {meeting.title}
            </Typography.Title>
            {readiness.ready ? (
              <Tag color="success" data-testid="verdict-tag" style={{ fontSize: 14, padding: '2px 10px' }}>
                可以召开
              </Tag>
            ) : (
              <Tag color="error" data-testid="verdict-tag" style={{ fontSize: 14, padding: '2px 10px' }}>
                不得召开
              </Tag>
            )}
            <Typography.Text type="secondary">
              收集 {readiness.totals.raw} 条，计入 {readiness.totals.counted} 条
              {readiness.otherCategories.length > 0 && <>（其中 {readiness.targets.reduce((n, t) => n + t.other, 0)} 条不在要求类别中）</>}
              {readiness.messages.length > 0 && <>，待补 {readiness.messages.length} 项</>}
            </Typography.Text>
            <LatestVerdict />
            <OverdueTag meetingId={meetingId} />
          </Space>
          <Tabs
            activeKey={active}
            onChange={(key) => navigate(`/meetings/${meetingId}/${key}`)}
            items={group.tabs.map((t) => ({ key: t.key, label: t.label }))}
            tabBarExtraContent={{
              left: (
                // Without motion: the sliding thumb waits for a transition's end to mark the group
                // selected, and a group switched from outside (a link into a tab) could leave it
                // sliding, the group never marked.
                <ConfigProvider theme={{ token: { motion: false } }}>
                  <Segmented
                    className="no-print"
                    aria-label="工作阶段"
                    data-testid="tab-groups"
                    value={group.key}
                    onChange={openGroup}
                    options={MEETING_TAB_GROUPS.map((g) => ({ value: g.key, label: g.label }))}
                    style={{ marginRight: 24 }}
                  />
                </ConfigProvider>
              ),
            }}
            style={{ marginBottom: 0 }}
          />
        </Card>
        <div>{TABS[active](query)}</div>
      </Space>
    </MeetingProvider>
  );
}
