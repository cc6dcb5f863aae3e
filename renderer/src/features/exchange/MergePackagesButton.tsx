import { ImportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { MAX_PACKAGE_BYTES, readPackage, type PackageContent } from '#shared/package/format';
import { combinePackages, type MergePlan } from '#shared/package/merge';
import { useWorkbench } from '../../app/workbench-context';
import { UserError } from '../../lib/user-error';
import { desktop } from '../../desktop';
import { unwrap } from '../../lib/desktop-result';
import { useAction } from '../../lib/use-action';
import { MergePreviewModal } from './MergePreviewModal';

/**
 * Opens one or more exchange packages into the data already here: read and check each file,
 * preview what would change, let the user settle every conflict, then write in one transaction.
 */
export function MergePackagesButton({ label = '打开数据包（合并）' }: { label?: string }) {
  const { repos, actor } = useWorkbench();
  const run = useAction();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ plan: MergePlan; files: string[] }>();

  const choose = async () => {
    setBusy(true);
    await run(async () => {
      const { files } = unwrap(await desktop().openFile({ filters: [{ name: '数据交换包', extensions: ['json'] }], maxBytes: MAX_PACKAGE_BYTES, multiple: true }));
      if (files.length === 0) return;
      const contents: Array<{ name: string; content: PackageContent }> = [];
      for (const f of files) {
        const read = readPackage(f.data);
        if (!read.ok) throw new UserError(`${f.name}：${read.error}`);
        contents.push({ name: f.name, content: read.package.content });
      }
      const combined = combinePackages(contents);
      if (!combined.ok) throw new UserError(combined.error);
      setPreview({ plan: await repos.previewMerge(combined.content), files: files.map((f) => f.name) });
    });
    setBusy(false);
  };

  return (
    <>
      <Button icon={<ImportOutlined />} loading={busy} onClick={choose} data-testid="merge-open">
        {label}
      </Button>
      {preview && (
        <MergePreviewModal
          plan={preview.plan}
          files={preview.files}
          onCancel={() => setPreview(undefined)}
          onApply={async (resolutions, onProgress) => {
            const result = await run(() => repos.applyMerge(preview.plan, resolutions, { actor, fileName: preview.files.join('、'), onProgress }));
            if (result) void message.success(`已合并：写入 ${result.written} 条记录，涉及 ${result.meetings} 次会议`);
            return result !== undefined;
          }}
        />
      )}
    </>
  );
}
