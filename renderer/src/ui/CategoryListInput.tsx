import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';

/**
 * An ordered list of names — the rule set's source categories (the order of the matrix, the lists
 * and the documents), or its 问题来源. Move with the arrows, remove with ×, add at the end with
 * Enter. `noun` names an item in the labels; `locked` items cannot be removed.
 */
export function CategoryListInput({
  value = [],
  onChange,
  noun = '意见来源类别',
  locked = [],
  testId = 'category-list',
  itemTestId = 'category-item',
}: {
  value?: string[];
  onChange?: (next: string[]) => void;
  noun?: string;
  locked?: readonly string[];
  testId?: string;
  /** The test id of each entry: two lists on one page must not answer to the same one. */
  itemTestId?: string;
}) {
  const [draft, setDraft] = useState('');
  const move = (i: number, step: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + step, 0, item!);
    onChange?.(next);
  };
  const add = () => {
    const items = draft
      .split(/[，,、\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !value.includes(s));
    if (items.length > 0) onChange?.([...value, ...items]);
    setDraft('');
  };
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      <Space wrap size={[4, 4]}>
        {value.map((c, i) => (
          <Tag key={c} style={{ padding: '2px 4px', fontSize: 13 }} data-testid={itemTestId}>
            <span style={{ opacity: 0.55, marginRight: 4 }}>{i + 1}</span>
            {c}
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`上移${c}`} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`下移${c}`} />
            {!locked.includes(c) && <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => onChange?.(value.filter((x) => x !== c))} aria-label={`移除${c}`} />}
          </Tag>
        ))}
      </Space>
      <Input
        size="small"
        style={{ maxWidth: 320 }}
        placeholder={`添加${noun}：输入后按 Enter`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          add();
        }}
        onBlur={add}
        aria-label={`添加${noun}`}
      />
    </Space>
  );
}
