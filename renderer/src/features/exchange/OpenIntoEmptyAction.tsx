import { Button, Space } from 'antd';
import { useWorkbench } from '../../app/workbench-context';
import { useAction } from '../../lib/use-action';
import { navigate } from '../../lib/use-route';
import type { OpenedPackage } from './OpenPackagePanel';

/**
 * Opens a checked package into an empty workbench, in one transaction. Shown only while the
 * workbench is empty (OpenPackageActions decides); openIntoEmpty refuses if data appeared since.
 */
export function OpenIntoEmptyAction({ opened, onDone }: { opened: OpenedPackage; onDone: () => void }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const open = () =>
    run(
      async () => {
        const summary = await repos.openIntoEmpty(opened.package.content, { file: opened.file, actor });
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
