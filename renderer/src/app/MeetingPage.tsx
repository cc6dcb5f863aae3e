import { Breadcrumb, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from '../lib/use-route';
import { AuditTab } from '../features/audit/AuditTab';
import { ExportTab } from '../features/exports/ExportTab';
import { ChangeLogTab } from '../features/history/ChangeLogTab';
import { ConsolidationTab } from '../features/consolidation/ConsolidationTab';
import { ProblemsTab } from '../features/problems/ProblemsTab';
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
import { ImportPage } from './ImportPage';
import { useMeetingData } from '../meeting/use-meeting-data';

interface TabDef {
  key: string;
  label: string;
  render: (query: URLSearchParams) => ReactNode;
}

/** The tabs of a meeting, in order. The key is the third segment of the route. */
const TABS: TabDef[] = [
  { key: 'readiness', label: '就绪情况', render: () => <ReadinessTab /> },
  { key: 'entry', label: '录入意见', render: () => <EntryTab /> },
  { key: 'import', label: '导入', render: () => <ImportPage /> },
  { key: 'opinions', label: '意见列表', render: (q) => <OpinionListTab query={q} /> },
  { key: 'consolidation', label: '梳理', render: () => <ConsolidationTab /> },
  { key: 'problems', label: '查摆问题', render: () => <ProblemsTab /> },
  { key: 'roster', label: '班子成员', render: () => <RosterTab /> },
  { key: 'talks', label: '谈心谈话', render: () => <TalksTab /> },
  { key: 'preparation', label: '会前准备', render: () => <PreparationTab /> },
  { key: 'rectification', label: '整改', render: (q) => <RectificationTab query={q} /> },
  { key: 'exports', label: '导出与打印', render: () => <ExportTab /> },
  { key: 'settings', label: '会议设置', render: () => <MeetingSettingsTab /> },
  { key: 'bin', label: '回收站', render: () => <RecycleBinTab /> },
  { key: 'history', label: '变更记录', render: () => <ChangeLogTab /> },
  { key: 'audit', label: '审核', render: () => <AuditTab /> },
];

export function MeetingPage({ meetingId, tab, query }: { meetingId: string; tab: string; query: URLSearchParams }) {
  const data = useMeetingData(meetingId);
  if (data === undefined) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (data === null) return <Result status="404" title="该会议不存在或已删除" extra={<a href="#/">回到单位列表</a>} />;
  const { meeting, unit, readiness } = data;
  const active = TABS.some((t) => t.key === tab) ? tab : 'readiness';

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
            items={TABS.map((t) => ({ key: t.key, label: t.label }))}
            style={{ marginBottom: 0 }}
          />
        </Card>
        <div>{TABS.find((t) => t.key === active)!.render(query)}</div>
      </Space>
    </MeetingProvider>
  );
}
