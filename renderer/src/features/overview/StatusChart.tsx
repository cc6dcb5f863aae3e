import { STATUS_LABELS, STATUS_ORDER, type OverviewTotals } from '#shared/supervision/overview';
import { STATUS_COLORS } from '../../ui/status-colors';

const STALE_COLOR = '#d4b106';

/** Meetings per status as horizontal bars (plain SVG: no chart library for five bars). */
export function StatusChart({ totals }: { totals: OverviewTotals }) {
  const max = Math.max(1, ...STATUS_ORDER.map((s) => totals.byStatus[s]));
  const rowHeight = 30;
  const labelWidth = 92;
  const barWidth = 360;
  const height = STATUS_ORDER.length * rowHeight + (totals.stalePasses > 0 ? 22 : 4);
  return (
    <svg width={labelWidth + barWidth + 110} height={height} role="img" aria-label="各状态单位数" data-testid="status-chart" style={{ display: 'block' }}>
      {STATUS_ORDER.map((status, i) => {
        const n = totals.byStatus[status];
        const y = i * rowHeight + 4;
        const w = (n / max) * barWidth;
        const stale = status === 'passed' ? totals.stalePasses : 0;
        const staleW = (stale / max) * barWidth;
        return (
          <g key={status}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize={13} fill="#333">
              {STATUS_LABELS[status]}
            </text>
            <rect x={labelWidth} y={y} width={barWidth} height={22} fill="#f5f5f5" rx={3} />
            {n > 0 && <rect x={labelWidth} y={y} width={Math.max(w, 3)} height={22} fill={STATUS_COLORS[status]} rx={3} />}
            {staleW > 0 && <rect x={labelWidth + w - staleW} y={y} width={Math.max(staleW, 3)} height={22} fill={STALE_COLOR} rx={3} />}
            <text x={labelWidth + barWidth + 8} y={y + 16} fontSize={13} fill="#333" data-testid={`chart-${status}`}>
              {n} 个
            </text>
          </g>
        );
      })}
      {totals.stalePasses > 0 && (
        <g>
          <rect x={labelWidth} y={height - 16} width={12} height={12} fill={STALE_COLOR} rx={2} />
          <text x={labelWidth + 18} y={height - 6} fontSize={12} fill="#666">
            其中 {totals.stalePasses} 个审核通过后数据已变更，需复核
          </text>
        </g>
      )}
    </svg>
  );
}
