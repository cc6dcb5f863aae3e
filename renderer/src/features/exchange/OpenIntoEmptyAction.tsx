import { Alert, Button, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkbench } from '../../app/workbench-context';
import { notEmptyMessage, openIntoEmpty, unitCounts } from '../../db/repos/package-repo';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import type { OpenedPackage } from './OpenPackagePanel';

/** Opens a checked package into an empty workbench, in one transaction. */
export function OpenIntoEmptyAction({ opened, onDone }: { opened: OpenedPackage; onDone: () => void }) {
  const { db, actor } = useWorkbench();
  const run = useAction();
  const counts = useLiveQuery(() => unitCounts(db), [db]);
  if (counts === undefined) return null;
  if (counts.all > 0) return <Alert type="warning" showIcon data-testid="package-not-empty" message="不能打开到本机" description={notEmptyMessage(counts)} />;
  const open = () =>
    run(
      async () => {
        const summary = await openIntoEmpty(db, opened.package.content, { file: opened.file, actor });
        onDone();
        navigate('/');
        return summary;
      },
      (s) => `已打开数据包：${s.units} 个单位、${s.meetings} 次会议、${s.opinions} 条意见`,
    );
  return (
    <Space>
      <Button type="primary" onClick={() => void open()}>
        打开到本机
      </Button>
    </Space>
  );
}
