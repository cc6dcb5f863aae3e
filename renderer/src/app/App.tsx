import { Layout, Menu, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BackupPage } from '../features/backup/BackupPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { MergePackagesButton } from '../features/exchange/MergePackagesButton';
import { MeetingPage } from './MeetingPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UnitPage } from '../features/units/UnitPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { navigate, useRoute, type Route } from '../lib/use-route';
import { NAV_ITEMS } from './nav';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { useWorkbench } from './workbench-context';

/** Layout and routes only. */
export function App() {
  const route = useRoute();
  const { actor } = useWorkbench();
  const section = route.parts[0] === 'meetings' || route.parts[0] === 'units' || route.parts.length === 0 ? 'units' : route.parts[0]!;
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={200} theme="light" className="no-print" style={{ borderRight: '1px solid #e8e8e8' }}>
        <div style={{ padding: '18px 16px 12px', fontWeight: 700, fontSize: 15, lineHeight: 1.4, color: '#1d4e89' }}>
          民主生活会
          <br />
          征求意见工作台
        </div>
        <Menu
          mode="inline"
          selectedKeys={[section]}
          items={NAV_ITEMS.map((item) => ({ key: item.key, icon: item.icon, label: item.label }))}
          onClick={({ key }) => navigate(NAV_ITEMS.find((i) => i.key === key)!.path)}
          style={{ borderInlineEnd: 'none' }}
        />
        <Typography.Text type="secondary" style={{ position: 'absolute', bottom: 16, left: 16, fontSize: 12 }}>
          操作人：{actor}
        </Typography.Text>
      </Layout.Sider>
      <Layout.Content style={{ padding: '16px 24px', minWidth: 0, overflow: 'auto' }}>
        <ReadOnlyBanner />
        {page(route)}
      </Layout.Content>
    </Layout>
  );
}

function page(route: Route): ReactNode {
  const [first, id, tab] = route.parts;
  switch (first) {
    case undefined:
    case 'units':
      return id ? <UnitPage unitId={id} /> : <UnitsPage />;
    case 'meetings':
      return id ? <MeetingPage meetingId={id} tab={tab ?? 'readiness'} query={route.query} /> : <UnitsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'overview':
      return <OverviewPage mergeAction={<MergePackagesButton />} />;
    case 'exchange':
      return <ExchangePage />;
    case 'backup':
      return <BackupPage />;
    default:
      return <Result status="404" title="没有这个页面" extra={<a href="#/">回到单位列表</a>} />;
  }
}
