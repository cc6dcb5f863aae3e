// The page pictures of a scanned PDF. A scanner's PDF holds one picture per page (JPEG, or raw
// pixels compressed with Flate, or black-and-white fax coding), sometimes several strips one under
// another; this finds, page by page in the page tree's order, the picture drawn over the page (or
// its strips, laid where the page draws them), turned as the page shows it (the drawing matrices
// and the page's /Rotate), and gives it as the decoders' RGBA pixels. A page with no picture
// covering most of it is an electronic document, not a scan, and is refused by its number; so are
// encrypted files and codecs not read here. Everything is checked before any pixels are decoded,
// so a bad file fails at once and pages are decoded one at a time, when they are read.
import { PdfDocument } from './pdf-document';
import { isName, Lexer, PdfError, PdfName, PdfStream, type PdfDict, type PdfValue } from './pdf-objects';
import { pageRaster, type Matrix } from './pdf-page-raster';
import { pdfPicture } from './pdf-picture';
import { decodeStreamData } from './pdf-streams';
import type { RgbaImage } from './raster';

type ImageRead = { ok: true; image: RgbaImage } | { ok: false; error: string };

/** One page of a scanned PDF: its number (from 1), the picture's size as shown, and its pixels on demand. */
interface PdfPageImage {
  page: number;
  width: number;
  height: number;
  decode(): ImageRead;
}

/** Pages read from one PDF; more is refused (split the file). */
const MAX_PDF_PAGES = 50;
/** A page's drawing instructions, decoded. */
const MAX_CONTENT_BYTES = 8 * 1024 * 1024;
/** Operators interpreted per page (a scanner's page has a handful). */
const MAX_OPERATORS = 200_000;
/** Pictures covering less of the page than this together are a logo or a photo in a document, not a scan. */
const MIN_COVER = 0.25;
/** A picture covering this much of the page is the scan; smaller ones drawn with it are marks on it. */
const FULL_COVER = 0.7;
/** A strip of a page written in strips covers at least this much of it. */
const MIN_PIECE_COVER = 0.005;
/** Strips one page may be written in. */
const MAX_PIECES = 256;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n, as PDF concatenates matrices (`cm` makes the new CTM = m × CTM). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

interface Drawn {
  stream: PdfStream;
  ctm: Matrix;
}

interface PageNode {
  dict: PdfDict;
  resources: PdfDict | undefined;
  rotate: number;
  mediaBox: number[];
}

/**
 * The pages of a scanned PDF, each checked (a picture found, its codec and size readable); the
 * reason in Chinese, naming the page, when the file is not a readable scan.
 */
export function pdfPageImages(bytes: Uint8Array): { ok: true; pages: PdfPageImage[] } | { ok: false; error: string } {
  try {
    const doc = new PdfDocument(bytes);
    if (doc.trailer.has('Encrypt')) return { ok: false, error: 'PDF 已加密，无法读取；请用扫描软件另存为不加密的 PDF 或图片' };
    const nodes = pageNodes(doc);
    if (nodes.length === 0) return { ok: false, error: 'PDF 中没有页面' };
    return { ok: true, pages: nodes.map((node, i) => pageImage(doc, node, i + 1)) };
  } catch (e) {
    if (e instanceof PdfError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: 'PDF 文件已损坏' };
    throw e;
  }
}

function dictOf(doc: PdfDocument, value: PdfValue | undefined): PdfDict | undefined {
  const v = doc.resolve(value);
  return v instanceof Map ? v : v instanceof PdfStream ? v.dict : undefined;
}

/** The page tree walked in order, with inherited resources, rotation and media box; bounded and cycle-safe. */
function pageNodes(doc: PdfDocument): PageNode[] {
  const root = dictOf(doc, doc.trailer.get('Root'));
  const tree = dictOf(doc, root?.get('Pages'));
  if (!tree) throw new PdfError('PDF 文件已损坏（找不到页面目录）');
  const count = doc.resolve(tree.get('Count'));
  if (typeof count === 'number' && count > MAX_PDF_PAGES) throw new PdfError(`PDF 有 ${count} 页，一次最多识别 ${MAX_PDF_PAGES} 页，请拆分后分批识别`);
  const pages: PageNode[] = [];
  const seen = new Set<PdfDict>();
  const walk = (node: PdfDict, inherited: Omit<PageNode, 'dict'>, depth: number) => {
    if (seen.has(node) || depth > 64) throw new PdfError('PDF 文件已损坏（页面目录有循环）');
    seen.add(node);
    const rotate = doc.resolve(node.get('Rotate'));
    const box = doc.resolve(node.get('MediaBox'));
    const here = {
      resources: dictOf(doc, node.get('Resources')) ?? inherited.resources,
      rotate: typeof rotate === 'number' ? rotate : inherited.rotate,
      mediaBox: Array.isArray(box) && box.length === 4 ? box.map((v) => Number(doc.resolve(v))) : inherited.mediaBox,
    };
    const kids = doc.resolve(node.get('Kids'));
    if (isName(node.get('Type'), 'Page') || !Array.isArray(kids)) {
      pages.push({ dict: node, ...here });
      if (pages.length > MAX_PDF_PAGES) throw new PdfError(`PDF 超过 ${MAX_PDF_PAGES} 页，一次最多识别 ${MAX_PDF_PAGES} 页，请拆分后分批识别`);
      return;
    }
    for (const kid of kids) {
      const child = dictOf(doc, kid);
      if (child) walk(child, here, depth + 1);
    }
  };
  walk(tree, { resources: undefined, rotate: 0, mediaBox: [0, 0, 612, 792] }, 0);
  return pages;
}

/** The pictures the page draws, with the matrix each is drawn with (forms followed a few levels deep). */
function drawnImages(doc: PdfDocument, content: Uint8Array, resources: PdfDict | undefined, start: Matrix, depth: number, out: Drawn[], budget: { ops: number }): void {
  const lex = new Lexer(content, 0);
  const operands: PdfValue[] = [];
  const saved: Matrix[] = [];
  let ctm = start;
  for (;;) {
    lex.skipSpace();
    if (lex.pos >= content.length) return;
    if (--budget.ops < 0) throw new PdfError('PDF 页面内容过于复杂，已拒绝');
    const c = content[lex.pos]!;
    if (c === 47 || c === 40 || c === 60 || c === 91) {
      operands.push(lex.value());
      continue;
    }
    const w = lex.word();
    if (w === '') {
      lex.pos++;
      continue;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      operands.push(Number(w));
      continue;
    }
    if (w === 'q' && saved.length < 256) saved.push(ctm);
    else if (w === 'Q') ctm = saved.pop() ?? start;
    else if (w === 'cm' && operands.length >= 6 && operands.slice(-6).every((v) => typeof v === 'number')) ctm = multiply(operands.slice(-6) as Matrix, ctm);
    else if (w === 'Do' && operands.at(-1) instanceof PdfName) {
      const name = (operands.at(-1) as PdfName).name;
      const xobject = doc.resolve(dictOf(doc, resources?.get('XObject'))?.get(name));
      if (xobject instanceof PdfStream && isName(xobject.dict.get('Subtype'), 'Image')) out.push({ stream: xobject, ctm });
      else if (xobject instanceof PdfStream && isName(xobject.dict.get('Subtype'), 'Form') && depth < 4) {
        const m = doc.resolve(xobject.dict.get('Matrix'));
        const matrix = Array.isArray(m) && m.length === 6 && m.every((v) => typeof v === 'number') ? (m as Matrix) : IDENTITY;
        drawnImages(doc, decodeStreamData(xobject, MAX_CONTENT_BYTES, doc), dictOf(doc, xobject.dict.get('Resources')) ?? resources, multiply(matrix, ctm), depth + 1, out, budget);
      }
    } else if (w === 'BI') skipInlineImage(lex);
    operands.length = 0;
  }
}

/** Moves past `BI … ID <data> EI` (inline pictures are small: never the scan). */
function skipInlineImage(lex: Lexer): void {
  while (lex.pos < lex.bytes.length && lex.word(true) !== 'ID') lex.value();
  lex.word();
  const b = lex.bytes;
  for (let i = lex.pos + 1; i + 1 < b.length; i++) {
    if (b[i] === 69 && b[i + 1] === 73 && (i === 0 || b[i - 1]! <= 32) && (i + 2 >= b.length || b[i + 2]! <= 32)) {
      lex.pos = i + 2;
      return;
    }
  }
  lex.pos = b.length;
}

function pageContent(doc: PdfDocument, page: PdfDict): Uint8Array {
  const contents = doc.resolve(page.get('Contents'));
  const streams = (Array.isArray(contents) ? contents.map((c) => doc.resolve(c)) : [contents]).filter((s): s is PdfStream => s instanceof PdfStream);
  const parts = streams.map((s) => decodeStreamData(s, MAX_CONTENT_BYTES, doc));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10;
    at += p.length + 1;
  }
  if (out.length > MAX_CONTENT_BYTES) throw new PdfError('PDF 页面内容过大，已拒绝');
  return out;
}

/** The page's scan picture (or its strips, laid together), checked, with its pixels decoded only when asked. */
function pageImage(doc: PdfDocument, node: PageNode, number: number): PdfPageImage {
  const notScan = `第${number}页不是扫描图像（可能是电子文档），请直接导入原文件或打印后扫描`;
  const where = `第${number}页`;
  const drawn: Drawn[] = [];
  drawnImages(doc, pageContent(doc, node.dict), node.resources, IDENTITY, 0, drawn, { ops: MAX_OPERATORS });
  const size = (d: Drawn) => Number(doc.resolve(d.stream.dict.get('Width'))) * Number(doc.resolve(d.stream.dict.get('Height')));
  const best = drawn.filter((d) => size(d) > 0).sort((a, b) => size(b) - size(a))[0];
  if (!best) throw new PdfError(notScan);
  const [x0, y0, x1, y1] = node.mediaBox as [number, number, number, number];
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  const cover = (m: Matrix) => (pageArea > 0 ? Math.abs(m[0] * m[3] - m[1] * m[2]) / pageArea : 1);
  // Some scanners write a page as strips, several pictures one under another (each with its own
  // matrix): reading the largest alone would silently lose the rest of the page, so when no one
  // picture covers most of the page, every sizeable picture is laid where the page shows it.
  const pieces = cover(best.ctm) >= FULL_COVER ? [best] : drawn.filter((d) => size(d) > 0 && cover(d.ctm) >= MIN_PIECE_COVER);
  if (pieces.length > MAX_PIECES) throw new PdfError(`${where}由 ${pieces.length} 张图像拼成，超过 ${MAX_PIECES} 张，已拒绝`);
  if (pieces.reduce((sum, d) => sum + cover(d.ctm), 0) < MIN_COVER) throw new PdfError(notScan);
  const raster = pageRaster(
    pieces.map((d) => ({ picture: pdfPicture(doc, d.stream, where), ctm: d.ctm })),
    node.rotate,
    where,
  );
  const decode = (): ImageRead => {
    try {
      return { ok: true, image: raster.decode() };
    } catch (e) {
      if (e instanceof PdfError) return { ok: false, error: e.message };
      if (e instanceof RangeError) return { ok: false, error: `${where}的图像已损坏` };
      throw e;
    }
  };
  return { page: number, width: raster.width, height: raster.height, decode };
}
