import type { OverviewTotals } from '#shared/supervision/overview';

const BARS = [
  { key: 'closed', label: '已销号', color: '#52c41a' },
  { key: 'open', label: '未销号', color: '#1677ff' },
  { key: 'overdue', label: '其中逾期', color: '#cf1322' },
] as const;

/** 整改 across the meetings shown: items closed, open, and open past their time limit, with the 销号率 (plain SVG, like the status chart). */
export function RectificationChart({ totals }: { totals: OverviewTotals }) {
  const r = totals.rectification;
  if (r.items === 0) return null;
  const values = { closed: r.closed, open: r.items - r.closed, overdue: r.overdue };
  const rowHeight = 26;
  const labelWidth = 92;
  const barWidth = 360;
  return (
    <svg width={labelWidth + barWidth + 110} height={BARS.length * rowHeight + 28} role="img" aria-label="整改销号情况" data-testid="rectification-chart" style={{ display: 'block', marginTop: 8 }}>
      <text x={0} y={14} fontSize={13} fill="#333" fontWeight="bold">
        整改：挂号 {r.items} 项，销号率 {r.closedPercent}%
      </text>
      {BARS.map((b, i) => {
        const n = values[b.key];
        const y = 24 + i * rowHeight;
        return (
          <g key={b.key}>
            <text x={labelWidth - 8} y={y + 14} textAnchor="end" fontSize={13} fill="#333">
              {b.label}
            </text>
            <rect x={labelWidth} y={y} width={barWidth} height={18} fill="#f5f5f5" rx={3} />
            {n > 0 && <rect x={labelWidth} y={y} width={Math.max((n / r.items) * barWidth, 3)} height={18} fill={b.color} rx={3} />}
            <text x={labelWidth + barWidth + 8} y={y + 14} fontSize={13} fill="#333" data-testid={`rect-chart-${b.key}`}>
              {n} 项
            </text>
          </g>
        );
      })}
    </svg>
  );
}
