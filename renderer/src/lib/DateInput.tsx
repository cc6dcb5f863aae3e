import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A date field that shows and takes YYYY-MM-DD whatever the system locale (a native date input
 * shows 11/21/2025 on an English system). The value stays the `YYYY-MM-DD` string the records keep.
 */
export function DateInput({ value, onChange, size, style, ariaLabel }: { value?: string; onChange?: (value: string) => void; size?: 'small' | 'middle'; style?: React.CSSProperties; ariaLabel?: string }) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      value={parsed && parsed.isValid() ? parsed : null}
      format="YYYY-MM-DD"
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      size={size}
      style={style ?? { width: '100%' }}
      placeholder="YYYY-MM-DD"
      aria-label={ariaLabel}
    />
  );
}
