// A formula cell whose stored result is empty (a workbook saved by a tool that never calculates,
// or a formula that yields nothing until recalculated) shows nothing to SheetJS, and the opinion in
// it would be lost as 意见内容为空. The importer reads what the cell shows; where that is empty, the
// formula's own text is read, as text (it is never evaluated, and never written back as a formula).
// SheetJS's own formula reading is not used: it compares every cell with every array formula.

const decoder = new TextDecoder('utf-8');

/** `A1` → row 0, column 0; undefined for anything else. */
function cellRef(ref: string): { r: number; c: number } | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag)?.[1];
}

/** Whether the XML holds `</f>` or a prefixed `</x:f>` — a formula with text. */
function closesFormula(data: Uint8Array): boolean {
  for (let i = 2; i < data.length; i++) {
    // `f>` after `/` or `:`.
    if (data[i] === 0x3e && data[i - 1] === 0x66 && (data[i - 2] === 0x2f || data[i - 2] === 0x3a)) return true;
  }
  return false;
}

export interface FormulaCell {
  r: number;
  c: number;
  /** The formula as written, without `=`. */
  formula: string;
}

/**
 * The formula cells with no stored result, per sheet name, in an .xlsx's parts.
 * `formulasWithoutResult(parts).get('意见')` → `[{ r: 1, c: 3, formula: 'A2&B2' }]`.
 */
export function formulasWithoutResult(parts: ReadonlyMap<string, Uint8Array>): Map<string, FormulaCell[]> {
  const out = new Map<string, FormulaCell[]>();
  for (const [name, data] of sheetParts(parts)) {
    // Most files hold no formula at all: one pass over the bytes, and nothing more.
    if (!closesFormula(data)) continue;
    const xml = decoder.decode(data);
    const cells: FormulaCell[] = [];
    for (const c of xml.matchAll(/<(\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?c>)/g)) {
      const body = c[3];
      if (!body) continue;
      const formula = /<(?:\w+:)?f\b[^>]*>([\s\S]*?)<\/(?:\w+:)?f>/.exec(body)?.[1];
      if (!formula) continue;
      const value = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      if ((value !== undefined && value !== '') || /<(?:\w+:)?is\b/.test(body)) continue;
      const at = cellRef(attribute(` ${c[2]!}`, 'r') ?? '');
      if (at) cells.push({ ...at, formula: unescapeXml(formula) });
    }
    if (cells.length > 0) out.set(name, cells);
  }
  return out;
}

/**
 * The hidden rows (0-based) per sheet name of an .xlsx: SheetJS reads row attributes only with its
 * style reading on, which the importer keeps off. `hiddenRowsOf(parts).get('汇总表')` → `[3]`.
 */
export function hiddenRowsOf(parts: ReadonlyMap<string, Uint8Array>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [name, data] of sheetParts(parts)) {
    if (!holdsAscii(data, 'hidden')) continue;
    const xml = decoder.decode(data);
    const rows: number[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*>/g)) {
      const hidden = attribute(m[0], 'hidden');
      const r = Number(attribute(m[0], 'r'));
      if ((hidden === '1' || hidden === 'true') && Number.isInteger(r) && r > 0) rows.push(r - 1);
    }
    if (rows.length > 0) out.set(name, rows);
  }
  return out;
}

/** Whether the bytes hold an ASCII word, without decoding them. */
function holdsAscii(data: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = data.indexOf(first); i >= 0 && i + word.length <= data.length; i = data.indexOf(first, i + 1)) {
    for (let k = 1; k < word.length; k++) if (data[i + k] !== word.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Each worksheet's name and XML bytes, as the workbook and its relationships name them. */
function sheetParts(parts: ReadonlyMap<string, Uint8Array>): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [];
  const byName = new Map([...parts].map(([name, data]) => [name.toLowerCase(), data]));
  const text = (name: string) => {
    const data = byName.get(name.toLowerCase());
    return data ? decoder.decode(data) : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], 'name');
    const id = attribute(m[0], 'r:id') ?? attribute(m[0], '\\w+:id');
    const path = id ? targets.get(id) : undefined;
    if (name === undefined || !path) continue;
    const data = byName.get(path.replace(/\/\.\//g, '/').toLowerCase());
    if (data) out.push([unescapeXml(name), data]);
  }
  return out;
}
