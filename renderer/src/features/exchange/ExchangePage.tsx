import { Space } from 'antd';
import { ExportPackageCard } from './ExportPackageCard';
import { OpenPackagePanel } from './OpenPackagePanel';

/** 数据交换: export the exchange package, or open one (docs/package-format.md). */
export function ExchangePage() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <OpenPackagePanel />
      <ExportPackageCard />
    </Space>
  );
}
