import type { OverviewStatus } from '#shared/supervision/summary';

/** One colour per overview status: the tag, the chart and the table agree. */
export const STATUS_COLORS: Record<OverviewStatus, string> = {
  zero: '#cf1322',
  'not-ready': '#d46b08',
  ready: '#1677ff',
  returned: '#722ed1',
  passed: '#389e0d',
};
