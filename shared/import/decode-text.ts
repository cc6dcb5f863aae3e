// Text files (CSV, tab-separated text) name no encoding, and staff send both UTF-8 (with or without
// a byte-order mark) and GBK from older Excel and WPS. The encoding is decided from the bytes:
// a BOM, else strict UTF-8, else GB18030 (a superset of GBK). Never assumed, never guessed silently.

export type DecodedText =
  | { ok: true; text: string; encoding: string; notes: string[] }
  | { ok: false; error: string };

/**
 * Decodes the bytes of a text file. `decodeText(gbkBytes)` → `{ ok: true, encoding: 'GBK/GB18030' }`.
 * A UTF-8 file cut off inside its last character is read, with a note.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes.subarray(3), 'UTF-8（带 BOM）');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', 'UTF-16BE');
  if (looksBinary(bytes)) return { ok: false, error: '文件不是文本或表格文件（内容为二进制数据）' };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8', notes: [] };
  // A file cut off in the middle of its last multi-byte character is still UTF-8.
  const cut = incompleteUtf8Tail(bytes);
  if (cut > 0) {
    const head = tryDecode('utf-8', bytes.subarray(0, bytes.length - cut));
    if (head !== undefined) return { ok: true, text: head, encoding: 'UTF-8', notes: ['文件末尾不完整（可能被截断），最后一个不完整的字符已忽略'] };
  }
  const gbk = tryDecode('gb18030', bytes);
  if (gbk !== undefined) return { ok: true, text: gbk, encoding: 'GBK/GB18030', notes: [] };
  return { ok: false, error: '无法识别文件的文字编码（应为 UTF-8 或 GBK），请在 Excel 或 WPS 中另存为 .xlsx 后再导入' };
}

function strictUtf8(bytes: Uint8Array, label: string): DecodedText {
  const text = tryDecode('utf-8', bytes);
  if (text === undefined) return { ok: false, error: '文件标明为 UTF-8 编码，但内容不是有效的 UTF-8 文本（文件可能已损坏）' };
  return { ok: true, text, encoding: label, notes: [] };
}

function utf16(bytes: Uint8Array, label: string, name: string): DecodedText {
  const text = tryDecode(label, bytes);
  if (text === undefined) return { ok: false, error: `文件标明为 ${name} 编码，但内容无效（文件可能已损坏）` };
  return { ok: true, text, encoding: name, notes: [] };
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** NUL bytes or many control characters in the first 8 KB: a binary file, whatever its name. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 100 + 2;
}

/** How many bytes at the end start a UTF-8 sequence that the file does not finish (0 when none). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
