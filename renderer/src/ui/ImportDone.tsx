import { Button, Result } from 'antd';

/** What an import (a spreadsheet's or paper forms') ends with: how many were added, from where, and the way back. */
export function ImportDone({
  added,
  skipped,
  from,
  undone,
  canUndo,
  againLabel,
  onMatrix,
  onAgain,
  onUndo,
  testId,
  undoTestId,
}: {
  added: number;
  skipped: number;
  /** The files, quoted: `“意见表.xlsx”`. */
  from: string;
  undone: boolean;
  canUndo: boolean;
  againLabel: string;
  onMatrix: () => void;
  onAgain: () => void;
  onUndo: () => void;
  testId: string;
  undoTestId: string;
}) {
  return (
    <Result
      status={undone ? 'info' : 'success'}
      title={undone ? `已撤销本次导入的 ${added} 条意见（已移入回收站）` : `已导入 ${added} 条意见`}
      subTitle={`来自${from}${skipped > 0 ? `；另有 ${skipped} 条在预览后已被他人录入，未重复导入` : ''}。就绪情况已更新。`}
      data-testid={testId}
      extra={[
        <Button key="matrix" type="primary" onClick={onMatrix}>
          查看就绪情况
        </Button>,
        <Button key="again" onClick={onAgain}>
          {againLabel}
        </Button>,
        !undone && canUndo && (
          <Button key="undo" danger data-testid={undoTestId} onClick={onUndo}>
            撤销本次导入
          </Button>
        ),
      ]}
    />
  );
}
