import { Select } from 'antd';
import type { PreviewRow, RowEdit } from '#shared/ocr/preview-rows';

type Field = 'targetId' | 'category' | 'channel';

interface Option {
  value: string;
  label: string;
}

/** What a row can be given in each of its three choices. */
export interface ChoiceOptions {
  targets: readonly Option[];
  categories: readonly Option[];
  channels: readonly Option[];
}

/**
 * A preview row's three choices — 意见对象, 意见来源, 征求方式 — one shape: a small select named after
 * the field and the row, marked as an error while the field has no value, changing only its field.
 */
export function RowChoices({ row, where, options, onEdit }: { row: PreviewRow; where: string; options: ChoiceOptions; onEdit: (edit: RowEdit) => void }) {
  const choices: ReadonlyArray<{ field: Field; label: string; placeholder: string; options: readonly Option[] }> = [
    { field: 'targetId', label: '意见对象', placeholder: row.opinion.part === 'members' ? `表上：${row.opinion.label}` : '请选择', options: options.targets },
    { field: 'category', label: '意见来源', placeholder: '意见来源', options: options.categories },
    { field: 'channel', label: '征求方式', placeholder: '征求方式', options: options.channels },
  ];
  return choices.map(({ field, label, placeholder, options: list }) => (
    <Select
      key={field}
      aria-label={`${label}：${where}`}
      size="small"
      style={{ width: '100%' }}
      placeholder={placeholder}
      status={row[field] === undefined ? 'error' : undefined}
      value={row[field]}
      onChange={(value: string) => onEdit({ [field]: value })}
      options={[...list]}
    />
  ));
}
