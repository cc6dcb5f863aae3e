import { Alert } from 'antd';
import { useWorkbench } from './workbench-context';

/** Says why nothing can be changed, on every page, while the database is open read-only. */
export function ReadOnlyBanner() {
  const { readOnlyReason } = useWorkbench();
  if (!readOnlyReason) return null;
  return <Alert type="warning" showIcon banner message="只读模式：可以查看和备份，不能修改" description={readOnlyReason} style={{ marginBottom: 12 }} data-testid="read-only-banner" />;
}
