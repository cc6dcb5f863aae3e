import { cleanText, joinLines } from './normalize';
import { nextMarkerText, readMarker, stripNumbering, type Marker } from './numbering';

interface PasteItem {
  /** The opinion text, numbering stripped. */
  text: string;
  /** A short numbered line in another style above numbered items, such as `一、思想方面`: probably a heading, not an opinion. */
  likelyHeading: boolean;
}

// Where an inline marker may begin: after a sentence end or clause break (closing quotes and
// brackets after it allowed: `…“多学习。”2、…`) or a space. Anywhere else a `2、` belongs to the
// sentence: `1、第2、第3季度工作推进慢` and `1、对标准2、要求理解不深` are one opinion each.
const INLINE_BOUNDARY = /(?:[。；;！!？?，,][”’"'）)】」』》]*|\s)$/;

/**
 * Splits one line that holds several numbered items (`1、加强学习。2、改进作风。`) at the
 * following ordinals of the same style, so `2、` inside a sentence such as `第2、3季度` is left alone
 * unless it follows a sentence end.
 */
function splitInline(line: string, first: Marker): string[] {
  const parts: string[] = [];
  let marker = first;
  let rest = line;
  for (;;) {
    const at = findNextMarker(rest, marker);
    if (at < 0) break;
    const next = readMarker(rest.slice(at));
    if (!next || next.style !== marker.style || next.value !== marker.value + 1) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
    marker = next;
  }
  parts.push(rest);
  return parts;
}

/** The first place after the current marker where the next ordinal follows a sentence end, or -1. */
function findNextMarker(rest: string, marker: Marker): number {
  // Full-width digits (１、学习。２、作风) are found as digits, as readMarker reads them; same length.
  const halfWidth = rest.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let best = -1;
  for (const candidate of nextMarkerText(marker)) {
    let from = marker.text.length;
    for (;;) {
      const at = halfWidth.indexOf(candidate, from);
      if (at < 0) break;
      if (INLINE_BOUNDARY.test(rest.slice(0, at))) {
        if (best < 0 || at < best) best = at;
        break;
      }
      from = at + 1;
    }
  }
  return best;
}

/**
 * Splits a pasted block into opinions. Numbered blocks (`1.` `1、` `（1）` `①` `一、` …) give one
 * opinion per number, with wrapped lines joined; unnumbered blocks give one per line. Blank lines
 * always separate. Numbering is stripped and text cleaned; empty items are dropped.
 */
export function splitPasted(block: string): PasteItem[] {
  const lines = cleanTextKeepingBlanks(block);
  const markers = lines.map((line) => (line === '' ? undefined : readMarker(line)));
  const numbered = markers.some((m) => m !== undefined && m.style !== 'bullet') || markers.filter(Boolean).length >= 2;
  const styleCounts = new Map<string, number>();
  for (const m of markers) if (m) styleCounts.set(m.style, (styleCounts.get(m.style) ?? 0) + 1);
  const mainStyle = [...styleCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

  const groups: Array<{ lines: string[]; marker: Marker | undefined }> = [];
  let current: { lines: string[]; marker: Marker | undefined } | undefined;
  lines.forEach((line, i) => {
    if (line === '') {
      current = undefined;
      return;
    }
    const marker = markers[i];
    if (marker) {
      for (const part of splitInline(line, marker)) {
        current = { lines: [part], marker: readMarker(part) };
        groups.push(current);
      }
    } else if (numbered && current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], marker: undefined };
      groups.push(current);
      if (!numbered) current = undefined;
    }
  });

  const items: PasteItem[] = [];
  for (const group of groups) {
    const text = cleanText(joinLines(group.lines.map((l, i) => (i === 0 ? stripNumbering(l) : l))));
    if (text === '') continue;
    const marker = group.marker;
    const likelyHeading =
      marker !== undefined &&
      mainStyle !== undefined &&
      marker.style !== mainStyle &&
      (marker.style === 'cjk' || marker.style === 'paren-cjk') &&
      text.length <= 16 &&
      !/[。；;！!？?]$/.test(text);
    items.push({ text, likelyHeading });
  }
  return items;
}

function cleanTextKeepingBlanks(block: string): string[] {
  return block
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => cleanText(line));
}
