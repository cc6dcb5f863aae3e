import { Alert, Card, Checkbox, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ImportConfirm } from '../../ui/ImportConfirm';
import { isPraiseOnly } from '#shared/checks/substance';
import type { WorkbookLayout } from '#shared/import/find-table';
import { sheetNoun, type ParsedWorkbook } from '#shared/import/grid';
import type { ImportChoices, ImportPlan, PlannedRow, RowRef, SkippedRow } from '#shared/import/plan';
import type { MeetingData } from '../../meeting/use-meeting-data';
import { MappingEditor } from './MappingEditor';
import { SheetChoices } from './SheetChoices';

interface Props {
  data: MeetingData;
  workbook: ParsedWorkbook;
  layout: WorkbookLayout;
  plan: ImportPlan;
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

const where = (r: RowRef) => `${r.sheet ? `${r.sheet} · ` : ''}第 ${r.row} 行`;

/** What the import will do, before anything is written: counts, notes, the mapping, every row. */
export function ImportPreview({ data, workbook, layout, plan, choices, onChoices, onConfirm, onCancel }: Props) {
  const label = (id: string) => data.targetLabels.get(id) ?? '';
  const problems = plan.rejected.flatMap((r) =>
    r.problems.map((p, i) => ({ key: `${r.sheet}\u0001${r.row}\u0001${i}`, where: `${workbook.fileName} · ${where(r)}`, column: p.column ? `${p.column} 列（${p.header}）` : p.header, reason: p.reason })),
  );
  const noTable = layout.tables.length === 0;
  const noun = sheetNoun(workbook);
  // The mapping is shown for the sheets read; a sheet checked in SheetChoices joins it.
  const read = new Set(plan.sheets.filter((s) => s.included).map((s) => s.sheet));
  // 仅表扬: counted, but the supervisors will warn of it; staff see it before importing.
  const praise = new Set(plan.toAdd.filter((r) => isPraiseOnly(r.fields.content, data.meeting.ruleSet.praisePhrases)));

  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>导入预览：{workbook.fileName}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {workbook.format}
          </Typography.Text>
        </Space>
      }
      extra={
        <ImportConfirm count={plan.toAdd.length} onConfirm={onConfirm} onCancel={onCancel} testId="import-confirm" />
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <div data-testid="import-counts" style={{ fontSize: 15 }}>
          共 {plan.total} 行：
          <Tag color="green" style={{ fontSize: 14, marginInline: 4 }}>
            将添加 {plan.toAdd.length} 条
          </Tag>
          <Tag color="default" style={{ fontSize: 14, marginInline: 4 }}>
            重复跳过 {plan.duplicates} 条
          </Tag>
          <Tag color="default" style={{ fontSize: 14, marginInline: 4 }}>
            无实质内容 {plan.nonSubstantive} 条
          </Tag>
          <Tag color={plan.rejected.length > 0 ? 'red' : 'default'} style={{ fontSize: 14, marginInline: 4 }}>
            有误 {plan.rejected.length} 行
          </Tag>
          {praise.size > 0 && (
            <Tag color="orange" style={{ fontSize: 14, marginInline: 4 }} data-testid="import-praise">
              其中仅表扬 {praise.size} 条
            </Tag>
          )}
        </div>
        <SheetChoices noun={noun} sheets={plan.sheets} choices={choices} onChoices={onChoices} />
        {noTable && (
          <Alert type="error" showIcon message="没有找到意见表" description={
              noun === '表格'
                ? '文档中的表格都没有找到表头（如“意见对象”“意见来源”“意见建议”）。请在 Word 中给意见表加上表头行，或下载导入模板整理后再导入。'
                : '每个工作表都没有找到表头（如“意见对象”“意见来源”“意见建议”）。请检查文件，或下载导入模板整理后再导入。'
            }
          />
        )}
        {plan.notes.length > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="import-notes"
            message={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {plan.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            }
          />
        )}
        {read.size > 0 && <MappingEditor data={data} noun={noun} layout={layout} read={read} choices={choices} onChoices={onChoices} />}
        <Checkbox checked={choices.keepNonSubstantive} onChange={(e) => onChoices({ ...choices, keepNonSubstantive: e.target.checked })}>
          也导入“无”“暂无”等无实质内容的行（保存但不计入条数）
        </Checkbox>
        <Tabs
          size="small"
          defaultActiveKey={plan.rejected.length > 0 ? 'rejected' : 'add'}
          items={[
            {
              key: 'add',
              label: `将添加（${plan.toAdd.length}）`,
              children: (
                <Table<PlannedRow>
                  size="small"
                  rowKey={(r) => `${r.sheet}\u0001${r.row}`}
                  dataSource={plan.toAdd}
                  pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                  data-testid="import-add-table"
                  columns={[
                    { title: '位置', width: 140, render: (_, r) => where(r) },
                    { title: '意见对象', width: 150, render: (_, r) => label(r.fields.targetId) },
                    { title: '意见来源', width: 90, render: (_, r) => r.fields.category },
                    { title: '征求方式', width: 110, render: (_, r) => r.fields.channel },
                    {
                      title: '意见内容',
                      render: (_, r) => (
                        <>
                          <span className="opinion-content">{r.fields.content}</span>
                          {praise.has(r) && <Tag color="orange" style={{ marginLeft: 6 }}>仅表扬</Tag>}
                        </>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'skipped',
              label: `已跳过（${plan.skipped.length}）`,
              children: (
                <Table<SkippedRow>
                  size="small"
                  rowKey={(r) => `${r.sheet}\u0001${r.row}`}
                  dataSource={plan.skipped}
                  pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                  columns={[
                    { title: '位置', width: 140, render: (_, r) => where(r) },
                    { title: '意见对象', width: 150, render: (_, r) => label(r.fields.targetId) },
                    {
                      title: '意见内容',
                      render: (_, r) => (
                        <>
                          <span className="opinion-content">{r.fields.content}</span>
                          {praise.has(r) && <Tag color="orange" style={{ marginLeft: 6 }}>仅表扬</Tag>}
                        </>
                      ),
                    },
                    { title: '原因', width: 300, render: (_, r) => r.reason },
                  ]}
                />
              ),
            },
            {
              key: 'rejected',
              label: <span style={{ color: plan.rejected.length > 0 ? '#cf1322' : undefined }}>有误（{plan.rejected.length}）</span>,
              children: (
                <Table
                  size="small"
                  dataSource={problems}
                  pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
                  data-testid="import-rejected-table"
                  columns={[
                    { title: `位置（文件 · ${noun} · 行）`, dataIndex: 'where', width: 300 },
                    { title: '列', dataIndex: 'column', width: 220 },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
