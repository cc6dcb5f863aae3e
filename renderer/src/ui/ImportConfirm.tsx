import { Button, Space } from 'antd';

/** The preview's 取消 / 确认导入 N 条 pair (spreadsheet import and paper forms): nothing to import, nothing to confirm. */
export function ImportConfirm({ count, onConfirm, onCancel, testId }: { count: number; onConfirm: () => void; onCancel: () => void; testId: string }) {
  return (
    <Space>
      <Button onClick={onCancel}>取消</Button>
      <Button type="primary" disabled={count === 0} onClick={onConfirm} data-testid={testId}>
        确认导入 {count} 条
      </Button>
    </Space>
  );
}
