import { Alert, Button, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { MergePlan } from '#shared/package/merge';
import { useWorkbench } from '../../app/workbench-context';
import { notEmptyMessage } from '../../db/repos/package-repo';
import { useAction } from '../../lib/use-action';
import { OpenIntoEmptyAction } from './OpenIntoEmptyAction';
import type { OpenedPackage } from './OpenPackagePanel';
import { MergePreviewModal } from './MergePreviewModal';

/**
 * What can be done with a checked package on the 数据交换 page: open it as it is into an empty
 * workbench, or merge it into the data already here (preview, conflicts, one transaction).
 */
export function OpenPackageActions({ opened, onDone }: { opened: OpenedPackage; onDone: () => void }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const counts = useLiveQuery(() => repos.unitCounts(), [repos]);
  const [plan, setPlan] = useState<MergePlan>();
  const [previewing, setPreviewing] = useState(false);
  if (counts === undefined) return null;
  if (counts.all === 0) return <OpenIntoEmptyAction opened={opened} onDone={onDone} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon data-testid="package-not-empty" message="合并到本机数据" description={notEmptyMessage(counts)} />
      <Button
        type="primary"
        data-testid="merge-preview"
        loading={previewing}
        onClick={async () => {
          setPreviewing(true);
          await run(async () => setPlan(await repos.previewMerge(opened.package.content)));
          setPreviewing(false);
        }}
      >
        预览合并…
      </Button>
      {plan && (
        <MergePreviewModal
          plan={plan}
          files={[opened.file]}
          onCancel={() => setPlan(undefined)}
          onApply={async (resolutions, onProgress) => {
            const result = await run(
              () => repos.applyMerge(plan, resolutions, { actor, fileName: opened.file, onProgress }),
              (r) => `已合并：写入 ${r.written} 条记录，涉及 ${r.meetings} 次会议`,
            );
            if (result) onDone();
            return result !== undefined;
          }}
        />
      )}
    </Space>
  );
}
