import { Space } from 'antd';
import { OpenPackageActions } from './OpenPackageActions';
import { ExportPackageCard } from './ExportPackageCard';
import { OpenPackagePanel } from './OpenPackagePanel';

/** 数据交换: export the exchange package, or open one (docs/package-format.md). */
export function ExchangePage() {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <OpenPackagePanel renderActions={(opened, done) => <OpenPackageActions opened={opened} onDone={done} />} />
      <ExportPackageCard />
    </Space>
  );
}
