// The one rule for a rate shown as a whole per cent (回应率, 销号率): rounded to the nearest, so 2/3
// reads 67%, not 66%; but 100% only when every item is done and 0% only when none is, so 199/200
// reads 99% and 1/1000 reads 1% — a rate that says "all" or "none" must be true.

/**
 * `part` of `whole` as a whole per cent, rounded to the nearest, never 100 unless part = whole and
 * never 0 unless part = 0; `empty` when there is nothing to count (whole = 0).
 * @example ratePercent(2, 3) === 67; ratePercent(199, 200) === 99; ratePercent(1, 1000) === 1
 */
export function ratePercent(part: number, whole: number, empty = 0): number {
  if (whole <= 0) return empty;
  if (part <= 0) return 0;
  if (part >= whole) return 100;
  return Math.min(99, Math.max(1, Math.round((part * 100) / whole)));
}
