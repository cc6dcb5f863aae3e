import { Alert, Checkbox, Space, Tag, Typography } from 'antd';
import type { ImportChoices, SheetChoice } from '#shared/import/plan';
import { leftOutNote } from '#shared/import/sheet-scope';

interface Props {
  /** 工作表, or 表格 for a Word document's tables. */
  noun: '工作表' | '表格';
  sheets: readonly SheetChoice[];
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
}

const HOW = '如确需导入请勾选';

/**
 * The workbook's sheets, each with a checkbox: those judged another year's, a copy, a backup or a
 * 汇总/统计 sheet are unchecked and say why; the user can check any of them (or uncheck any other).
 * When no sheet is read, a warning says so first: a file of last year's list never imports nothing silently.
 */
export function SheetChoices({ noun, sheets, choices, onChoices }: Props) {
  const judgedOut = sheets.filter((s) => s.kind !== 'this');
  if (sheets.length < 2 && judgedOut.length === 0) return null;
  const noneRead = sheets.every((s) => !s.included);
  const set = (sheet: string, included: boolean) => onChoices({ ...choices, sheets: { ...choices.sheets, [sheet]: included } });

  return (
    <Space direction="vertical" size={6} style={{ width: '100%' }} data-testid="import-sheets">
      {noneRead && judgedOut.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-sheets-none"
          message="这个文件的意见表都不是本次会议的意见，未导入任何意见"
          description={`原因写在下面每个${noun}旁。如确实是本次会议的意见，请勾选要导入的${noun}。`}
        />
      )}
      <Typography.Text strong>
        {noun}
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12, fontWeight: 'normal' }}>
          只导入勾选的{noun}
        </Typography.Text>
      </Typography.Text>
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 20, rowGap: 6 }}>
        {sheets.map((s) => (
          // A sheet with something to say takes a line of its own; the others sit side by side.
          <div key={s.sheet} style={{ display: 'flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap', flexBasis: s.kind === 'this' ? 'auto' : '100%' }}>
            <Checkbox checked={s.included} onChange={(e) => set(s.sheet, e.target.checked)} aria-label={`导入${noun}“${s.sheet}”`} data-testid={`import-sheet-${s.sheet}`}>
              {s.sheet}
            </Checkbox>
            {s.kind !== 'this' && !s.included && (
              <>
                <Tag color="orange">未导入</Tag>
                <Typography.Text type="secondary">{leftOutNote(s, HOW)}</Typography.Text>
              </>
            )}
            {s.kind !== 'this' && s.included && (
              <>
                <Tag color="blue">已勾选导入</Tag>
                <Typography.Text type="secondary">{s.reason}；已按您的勾选导入，请确认这些意见属于本次会议</Typography.Text>
              </>
            )}
            {s.kind === 'this' && !s.included && <Tag>已取消勾选，未导入</Tag>}
          </div>
        ))}
      </div>
    </Space>
  );
}
