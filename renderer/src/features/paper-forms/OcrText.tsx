import { EditOutlined } from '@ant-design/icons';
import { Input, Tooltip } from 'antd';
import { useState } from 'react';

/** Text as recognised, each doubtful character marked (`<mark>`): what staff must check against the paper. */
export function DoubtfulText({ text, doubtful }: { text: string; doubtful: readonly number[] }) {
  const marked = new Set(doubtful);
  const chars = [...text];
  return (
    <>
      {chars.map((c, i) =>
        marked.has(i) ? (
          <mark key={i} className="ocr-doubtful" title="识别把握不大，请对照原件核对">
            {c}
          </mark>
        ) : (
          c
        ),
      )}
    </>
  );
}

interface Props {
  text: string;
  doubtful: readonly number[];
  edited: boolean;
  label: string;
  onChange: (text: string) => void;
}

/**
 * A recognised opinion, corrected in place: the text with its doubtful characters highlighted;
 * a click (or Enter) opens it for editing, Enter or leaving the field keeps the change, Esc drops it.
 */
export function OcrText({ text, doubtful, edited, label, onChange }: Props) {
  const [draft, setDraft] = useState<string>();
  if (draft !== undefined) {
    const finish = (keep: boolean) => {
      if (keep && draft.trim() !== '' && draft !== text) onChange(draft.trim());
      setDraft(undefined);
    };
    return (
      <Input.TextArea
        autoFocus
        aria-label={`修改${label}`}
        value={draft}
        autoSize={{ minRows: 2, maxRows: 8 }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') finish(false);
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            finish(true);
          }
        }}
      />
    );
  }
  return (
    <Tooltip title="点击修改识别结果" mouseEnterDelay={0.6}>
      <div
        role="button"
        tabIndex={0}
        aria-label={label}
        className={`ocr-text${edited ? ' ocr-text-edited' : ''}`}
        onClick={() => setDraft(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setDraft(text);
          }
        }}
      >
        <DoubtfulText text={text} doubtful={doubtful} />
        <EditOutlined className="ocr-text-icon" />
      </div>
    </Tooltip>
  );
}
