import { describe, expect, it } from 'vitest';
import { applyFilters } from '#shared/ocr/pdf-streams';

describe('PDF stream filters', () => {
  it('names a filter it does not read, and calls a garbled name a damaged file instead of echoing it', () => {
    const data = new Uint8Array([1, 2, 3]);
    expect(() => applyFilters(data, [{ name: 'JBIG3Decode', parms: undefined }], 1024)).toThrow('不支持 PDF 中 JBIG3Decode 压缩的数据');
    expect(() => applyFilters(data, [{ name: 'Fl\u00e4\u00fbL\u0000ateDecode', parms: undefined }], 1024)).toThrow('PDF 文件已损坏（无法识别的压缩方式）');
  });

  it('undoes the filters it reads, in order', () => {
    const hex = new TextEncoder().encode('48656C6C6F>');
    expect(new TextDecoder().decode(applyFilters(hex, [{ name: 'ASCIIHexDecode', parms: undefined }], 1024))).toBe('Hello');
  });
});
