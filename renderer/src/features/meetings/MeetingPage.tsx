import { Breadcrumb, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from '../../lib/use-route';
import { AuditTab } from '../audit/AuditTab';
import { ExportTab } from '../exports/ExportTab';
import { ChangeLogTab } from '../history/ChangeLogTab';
import { ImportTab } from '../import/ImportTab';
import { EntryTab } from '../opinions/EntryTab';
import { OpinionListTab } from '../opinions/OpinionListTab';
import { RecycleBinTab } from '../opinions/RecycleBinTab';
import { ReadinessTab } from '../readiness/ReadinessTab';
import { RosterTab } from '../roster/RosterTab';
import { LatestVerdict } from './LatestVerdict';
import { MeetingSettingsTab } from './MeetingSettingsTab';
import { useMeetingData, type MeetingData } from './use-meeting-data';

interface TabDef {
  key: string;
  label: string;
  render: (data: MeetingData, query: URLSearchParams) => ReactNode;
}

/** The tabs of a meeting, in order. The key is the third segment of the route. */
const TABS: TabDef[] = [
  { key: 'readiness', label: '就绪情况', render: (d) => <ReadinessTab data={d} /> },
  { key: 'entry', label: '录入意见', render: (d) => <EntryTab data={d} /> },
  { key: 'import', label: '导入', render: (d) => <ImportTab data={d} /> },
  { key: 'opinions', label: '意见列表', render: (d, q) => <OpinionListTab data={d} query={q} /> },
  { key: 'roster', label: '班子成员', render: (d) => <RosterTab data={d} /> },
  { key: 'exports', label: '导出与打印', render: (d) => <ExportTab data={d} /> },
  { key: 'settings', label: '会议设置', render: (d) => <MeetingSettingsTab data={d} /> },
  { key: 'bin', label: '回收站', render: (d) => <RecycleBinTab data={d} /> },
  { key: 'history', label: '变更记录', render: (d) => <ChangeLogTab data={d} /> },
  { key: 'audit', label: '审核', render: (d) => <AuditTab data={d} /> },
];

export function MeetingPage({ meetingId, tab, query }: { meetingId: string; tab: string; query: URLSearchParams }) {
  const data = useMeetingData(meetingId);
  if (data === undefined) return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
  if (data === null) return <Result status="404" title="该会议不存在或已删除" extra={<a href="#/">回到单位列表</a>} />;
  const { meeting, unit, readiness } = data;
  const active = TABS.some((t) => t.key === tab) ? tab : 'readiness';

  return (
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
          <LatestVerdict data={data} />
        </Space>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(`/meetings/${meetingId}/${key}`)}
          items={TABS.map((t) => ({ key: t.key, label: t.label }))}
          style={{ marginBottom: 0 }}
        />
      </Card>
      <div>{TABS.find((t) => t.key === active)!.render(data, query)}</div>
    </Space>
  );
}
