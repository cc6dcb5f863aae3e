// The numbering of official documents (GB/T 9704 §7.3.3): 一、 then （一） then 1. — one place, so
// that the Word files and the print layout number alike.
import { toCjkNumeral } from '../text/numbering';

/** First level: `一、` */
export function level1Number(n: number): string {
  return `${toCjkNumeral(n)}、`;
}

/** Second level: `（一）` */
export function level2Number(n: number): string {
  return `（${toCjkNumeral(n)}）`;
}

/** Numbered paragraph: `1.` */
export function itemNumber(n: number): string {
  return `${n}.`;
}
