import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from '#shared/import/fields';
import type { ColumnInfo, SheetTable, WorkbookLayout } from '#shared/import/find-table';
import { FIXED_FIELDS, sheetColumns, withColumn, type FixedField, type ImportChoices } from '#shared/import/plan';
import type { MeetingData } from '../../meeting/use-meeting-data';

interface Props {
  data: MeetingData;
  /** 工作表, or 表格 for a Word document's tables. */
  noun: '工作表' | '表格';
  layout: WorkbookLayout;
  /** The sheets read: only their mapping is shown, but a change applies to every sheet of the same header. */
  read: ReadonlySet<string>;
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
}

const NOT_IMPORTED = '';

/**
 * The column mapping, correctable: one table per header layout (sheets with the same header share
 * it), each column with its header, sample values and the field it goes to; and, for fields the
 * file has no column for, one value for the whole file.
 */
export function MappingEditor({ data, noun, layout, read, choices, onChoices }: Props) {
  const groups = new Map<string, SheetTable[]>();
  for (const t of layout.tables) groups.set(t.layoutKey, [...(groups.get(t.layoutKey) ?? []), t]);
  const shown = [...groups.values()].filter((tables) => tables.some((t) => read.has(t.sheet)));

  const setColumn = (tables: SheetTable[], column: number, field: ImportField | typeof NOT_IMPORTED) =>
    onChoices(withColumn(choices, tables, column, field === NOT_IMPORTED ? undefined : field));

  const lacking = FIXED_FIELDS.filter((f) => layout.tables.some((t) => read.has(t.sheet) && sheetColumns(t, choices)[f] === undefined));
  const setFixed = (field: FixedField, value: string | undefined) => {
    const fixed = { ...choices.fixed };
    if (value === undefined || value === '') delete fixed[field];
    else fixed[field] = value;
    onChoices({ ...choices, fixed });
  };
  const options: Record<Exclude<FixedField, 'provider' | 'receivedDate'>, Array<{ value: string; label: string }>> = {
    target: data.targets.map((t) => ({ value: t.id, label: t.label })),
    category: data.meeting.ruleSet.categories.map((c) => ({ value: c, label: c })),
    channel: data.meeting.ruleSet.channels.map((c) => ({ value: c, label: c })),
    dimension: data.meeting.dimensions.map((d) => ({ value: d, label: d })),
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {shown.map((tables) => {
        const first = tables.find((t) => read.has(t.sheet))!;
        const mapping = sheetColumns(first, choices);
        const fieldOf = (c: ColumnInfo) => (Object.entries(mapping) as Array<[ImportField, number]>).find(([, i]) => i === c.index)?.[0] ?? NOT_IMPORTED;
        return (
          <div key={first.layoutKey} data-testid="import-mapping">
            <Typography.Text strong>列的对应关系</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {first.sheet ? `${noun}：${tables.filter((t) => read.has(t.sheet)).map((t) => t.sheet).join('、')}；` : ''}表头在第 {first.headerFirstRow === first.headerLastRow ? first.headerLastRow : `${first.headerFirstRow}–${first.headerLastRow}`} 行。识别不对时，请在右侧改选。
            </Typography.Text>
            <Table<ColumnInfo>
              size="small"
              style={{ marginTop: 4 }}
              rowKey="index"
              pagination={false}
              dataSource={first.columns}
              columns={[
                { title: '列', dataIndex: 'letter', width: 50 },
                {
                  title: '表头',
                  width: 260,
                  render: (_, c) => (
                    <Space size={4}>
                      <span>{c.label || <Typography.Text type="secondary">（无表头）</Typography.Text>}</span>
                      {c.kind === 'identity' && <Tag>答题人信息</Tag>}
                      {c.byValues && <Tag color="blue">按内容识别</Tag>}
                    </Space>
                  ),
                },
                { title: '示例', render: (_, c) => <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>{c.samples.join(' ｜ ')}</Typography.Text> },
                {
                  title: '导入为',
                  width: 170,
                  render: (_, c) => (
                    <Select
                      size="small"
                      style={{ width: 150 }}
                      value={fieldOf(c)}
                      aria-label={`${c.letter} 列导入为`}
                      data-testid={`map-${first.sheet}-${c.letter}`}
                      onChange={(v: ImportField | typeof NOT_IMPORTED) => setColumn(tables, c.index, v)}
                      options={[{ value: NOT_IMPORTED, label: '不导入' }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: FIELD_LABELS[f] }))]}
                    />
                  ),
                },
              ]}
            />
          </div>
        );
      })}
      {lacking.length > 0 && (
        <div>
          <Typography.Text strong>表中没有的项目</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            可为整个文件统一设置（仅用于没有对应列的{noun}）
          </Typography.Text>
          <Space wrap size={[16, 8]} style={{ marginTop: 6, display: 'flex' }}>
            {lacking.map((field) => (
              <Space key={field} size={6}>
                <span>{FIELD_LABELS[field]}</span>
                {field === 'provider' || field === 'receivedDate' ? (
                  <Input
                    size="small"
                    allowClear
                    style={{ width: 170 }}
                    type={field === 'receivedDate' ? 'date' : 'text'}
                    placeholder="不设置"
                    aria-label={`统一的${FIELD_LABELS[field]}`}
                    value={choices.fixed[field] ?? ''}
                    onChange={(e) => setFixed(field, e.target.value)}
                  />
                ) : (
                  <Select
                    size="small"
                    allowClear
                    style={{ width: field === 'dimension' ? 300 : 170 }}
                    placeholder="不设置"
                    aria-label={`统一的${FIELD_LABELS[field]}`}
                    value={choices.fixed[field]}
                    onChange={(v: string | undefined) => setFixed(field, v)}
                    options={options[field]}
                    popupMatchSelectWidth={false}
                  />
                )}
              </Space>
            ))}
          </Space>
        </div>
      )}
    </Space>
  );
}
