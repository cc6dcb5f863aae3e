// One picture (image XObject) of a scanned PDF: checked when the file is opened — its size, its
// codec, a fax picture's coding parameters, its colour space — and decoded to RGBA only when asked.
// DCT → our JPEG reader (progressive included); CCITT fax → ccitt.ts; JBIG2 generic regions →
// jbig2.ts (its other kinds of region refused by name when decoded); Flate, LZW, RunLength and the
// ASCII filters → raw samples (pdf-pixels.ts). JPEG 2000 is refused by name.
import { CcittError, decodeCcitt, type CcittParams } from './ccitt';
import { decodeJbig2, Jbig2Error } from './jbig2';
import { decodeJpeg } from './jpeg';
import type { PdfDocument } from './pdf-document';
import { PdfError, PdfStream, type PdfDict } from './pdf-objects';
import { pdfColorSpace, toRgbaSamples } from './pdf-pixels';
import { applyFilters, decodeStreamData, filterChain } from './pdf-streams';
import { checkDimensions } from './png';
import type { RgbaImage } from './raster';

/** What an image codec's input may inflate to before it (a compressed JPEG or fax stream). */
const MAX_CODED_BYTES = 64 * 1024 * 1024;

export interface PdfPicture {
  width: number;
  height: number;
  /** A stencil mask: paints black where it is black and leaves the rest as it was. */
  mask: boolean;
  /** The pixels as stored (first row on top of the picture's unit square); throws PdfError. */
  decode(): RgbaImage;
}

/** The picture `stream` checked; `where` names the page in every message (「第2页」). */
export function pdfPicture(doc: PdfDocument, stream: PdfStream, where: string): PdfPicture {
  const width = Number(doc.resolve(stream.dict.get('Width')));
  const height = Number(doc.resolve(stream.dict.get('Height')));
  const tooBig = checkDimensions(width, height);
  if (tooBig) throw new PdfError(`${where}：${tooBig}`);
  const chain = filterChain(stream, doc);
  const codec = chain.at(-1)?.name;
  const unsupported: Record<string, string> = { JPXDecode: 'JPEG 2000' };
  if (codec !== undefined && unsupported[codec]) throw new PdfError(`${where}的扫描图像是${unsupported[codec]}格式，暂不支持；请在扫描软件中选择灰度或彩色（JPEG）重新扫描，或把该页另存为 PNG/JPEG 图片`);
  const fax = codec === 'CCITTFaxDecode' ? faxParams(chain.at(-1)!.parms, width, height, where) : undefined;
  const globals = codec === 'JBIG2Decode' ? doc.resolve(chain.at(-1)!.parms?.get('JBIG2Globals')) : undefined;
  // Checked now: the colour space of raw pictures (so an unreadable one fails before recognition starts).
  if (codec !== 'DCTDecode') pdfColorSpace(doc, stream, where);
  const mask = stream.dict.get('ImageMask') === true;
  const decode = (): RgbaImage => {
    try {
      if (codec === 'DCTDecode') {
        const jpeg = decodeJpeg(applyFilters(stream.data, chain.slice(0, -1), MAX_CODED_BYTES), { exif: false });
        if (!jpeg.ok) throw new PdfError(`${where}：${jpeg.error}`);
        return jpeg.image;
      }
      const space = pdfColorSpace(doc, stream);
      const bpc = mask ? 1 : Number(doc.resolve(stream.dict.get('BitsPerComponent')));
      if (![1, 2, 4, 8, 16].includes(bpc)) throw new PdfError(`${where}的图像已损坏（位深错误）`);
      const rowBytes = Math.ceil((width * space.components * bpc) / 8);
      // PNG predictors add a byte per row; a little slack for writers that pad the stream.
      const coded = () => applyFilters(stream.data, chain.slice(0, -1), MAX_CODED_BYTES);
      const data = fax
        ? decodeCcitt(coded(), fax)
        : codec === 'JBIG2Decode'
          ? decodeJbig2(coded(), globals instanceof PdfStream ? decodeStreamData(globals, MAX_CODED_BYTES, doc) : undefined, width, height)
          : applyFilters(stream.data, chain, (rowBytes + 1) * height + 1024);
      if (data.length < rowBytes * height) throw new PdfError(`${where}的图像数据不完整`);
      const decodeArray = doc.resolve(stream.dict.get('Decode'));
      return toRgbaSamples(data, width, height, bpc, space, Array.isArray(decodeArray) ? decodeArray.map(Number) : undefined);
    } catch (e) {
      if (e instanceof PdfError) throw e.message.startsWith('第') ? e : new PdfError(`${where}：${e.message}`);
      if (e instanceof CcittError || e instanceof Jbig2Error) throw new PdfError(`${where}：${e.message}`);
      if (e instanceof RangeError) throw new PdfError(`${where}的图像已损坏`);
      throw e;
    }
  };
  return { width, height, mask, decode };
}

/** A CCITT fax picture's coding, from its DecodeParms, checked against the picture's size. */
function faxParams(parms: PdfDict | undefined, width: number, height: number, where: string): CcittParams {
  const num = (key: string, fallback: number) => {
    const v = parms?.get(key);
    return typeof v === 'number' ? v : fallback;
  };
  const flag = (key: string, fallback: boolean) => {
    const v = parms?.get(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  const columns = num('Columns', 1728);
  if (columns !== width) throw new PdfError(`${where}的黑白传真图像已损坏（宽度 ${width} 与编码参数 ${columns} 不符）`);
  const rows = num('Rows', height);
  if (rows < height) throw new PdfError(`${where}的黑白传真图像已损坏（行数 ${rows} 少于图像高度 ${height}）`);
  return { k: num('K', 0), columns, rows: height, encodedByteAlign: flag('EncodedByteAlign', false), blackIs1: flag('BlackIs1', false) };
}
