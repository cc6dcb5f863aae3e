// Scanners that watch an archive's parts as zip-guard.ts inflates them, for what a spreadsheet
// library would turn into minutes or gigabytes: an absurd used range or merged area in a worksheet,
// an OpenDocument cell repeated billions of times, a number format asking for billions of digits.
import { MAX_DECLARED_COLUMNS, MAX_DECLARED_ROWS, MAX_MERGE_CELLS, MAX_MERGES, MAX_REPEATED_CELLS } from './limits';
import { parseRangeRef, rangeCells } from './range-ref';

/** Sees a part's bytes as they are inflated; a problem is the Chinese reason to refuse the file. */
export interface Scanner {
  push(chunk: Uint8Array): void;
  problem(): string | undefined;
}

/** Watches worksheet XML as it is inflated, for a used range or merged area no real sheet has. */
export class SheetScanner implements Scanner {
  private decoder = new TextDecoder('utf-8');
  private tail = '';
  private merges = 0;
  private found: string | undefined;
  private sawDimension = false;

  constructor(private readonly entry: string) {}

  push(chunk: Uint8Array): void {
    if (this.found) return;
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const re = /<(?:\w+:)?(dimension|mergeCell)\s+ref="([^"]*)"/g;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(text)) !== null) {
      consumed = re.lastIndex;
      this.check(m[1]!, m[2]!);
      if (this.found) return;
    }
    // Keep enough of the end to catch a tag split across two chunks.
    this.tail = text.slice(Math.max(consumed, text.length - 200));
  }

  private check(tag: string, ref: string): void {
    const range = parseRangeRef(ref);
    if (tag === 'dimension') {
      if (this.sawDimension || !range) return;
      this.sawDimension = true;
      const rows = range.e.r - range.s.r + 1;
      const cols = range.e.c - range.s.c + 1;
      if (rows > MAX_DECLARED_ROWS || cols > MAX_DECLARED_COLUMNS) {
        this.found = `的工作表已用范围异常（${ref}，${rows} 行 × ${cols} 列），不像正常的表格，已拒绝`;
      }
      return;
    }
    this.merges++;
    if (this.merges > MAX_MERGES) this.found = `的工作表中合并单元格超过 ${MAX_MERGES} 处，不像正常的表格，已拒绝`;
    else if (range && rangeCells(range) > MAX_MERGE_CELLS) this.found = `的工作表中有范围异常的合并单元格（${ref}），已拒绝`;
  }

  problem(): string | undefined {
    return this.found ? `${this.found}（${this.entry.replace(/^xl\/worksheets\//i, '')}）` : undefined;
  }
}

/**
 * Watches an OpenDocument spreadsheet's content.xml and styles.xml as they are inflated. SheetJS makes one cell for
 * every repetition of a cell with content (`number-columns-repeated` × the row's
 * `number-rows-repeated`): a few bytes can ask for billions. Empty repeated cells (self-closing,
 * as LibreOffice writes the rest of a sheet) cost nothing and are not counted.
 */
export class OdsScanner implements Scanner {
  private decoder = new TextDecoder('utf-8');
  private tail = '';
  private rowRepeat = 1;
  private cells = 0;
  private found: string | undefined;

  push(chunk: Uint8Array): void {
    if (this.found) return;
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    const re = /<table:(table-row|table-cell|covered-table-cell)\b([^>]*)>/g;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(text)) !== null) {
      consumed = re.lastIndex;
      const attributes = m[2]!;
      const repeat = (what: 'rows' | 'columns') => Math.max(1, Number(new RegExp(`number-${what}-repeated="(\\d+)"`).exec(attributes)?.[1] ?? '1') || 1);
      if (m[1] === 'table-row') this.rowRepeat = repeat('rows');
      else if (m[1] === 'table-cell' && !attributes.endsWith('/')) {
        this.cells += repeat('columns') * this.rowRepeat;
        if (this.cells > MAX_REPEATED_CELLS) {
          this.found = `的工作表中重复的单元格超过 ${MAX_REPEATED_CELLS.toLocaleString('en-US')} 个，不像正常的表格，已拒绝`;
          return;
        }
      }
    }
    // SheetJS writes out a number format's digits one by one (`decimal-places="4294967295"` never ends).
    for (const n of text.matchAll(/number:([a-z-]*(?:digits|places))="(\d+)"/g)) {
      if (n[2]!.length > 3) {
        this.found = `已损坏（数字格式中的 ${n[1]} 为 ${n[2]}），无法读取，请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 再导入`;
        return;
      }
    }
    this.tail = text.slice(Math.max(consumed, text.length - 400));
  }

  problem(): string | undefined {
    return this.found;
  }
}
