// The scan readers of the paper-form OCR as a fuzz target: a PNG, a JPEG or a scanner's PDF is
// untrusted bytes like a spreadsheet. Every page of a PDF is decoded too, as `ocr` does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readScan } from '#shared/ocr/image-file';
import { buildPdf } from '../support/ocr/pdf';
import type { FuzzTarget } from './targets';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/ocr', name)));

/** Every refusal of readScan and of a page's decoding starts like one of these (a PDF page's with its number). */
const KNOWN_SCAN_ERROR = /^(第\d+页|PDF |不是 |不支持|只支持|PNG 图片|JPEG 图片|图片过大|图片尺寸为 0)/;

export const OCR_FUZZ_TARGETS: FuzzTarget[] = [
  {
    name: 'scans for OCR: PNG, JPEG, PDF (readScan, every page decoded)',
    fixtures: async () => {
      const jpeg = fixture('line.jpg');
      const gray = { kind: 'raw' as const, width: 16, height: 8, components: 1 as const, bpc: 8 as const, samples: Uint8Array.from({ length: 128 }, (_, i) => i * 2), predictor: true };
      return [
        fixture('line.png'),
        fixture('png/seal-palette-adam7.png'),
        jpeg,
        fixture('line-progressive-scans.jpg'),
        buildPdf([{ picture: gray, rotate: 90 }, { picture: { kind: 'jpeg', bytes: jpeg, width: 520, height: 48 } }]),
        buildPdf([{ picture: { ...gray, components: 1, bpc: 1, samples: new Uint8Array(16), predictor: false } }], { xrefStream: true }),
        // Black-and-white fax coding from libtiff: Group 4, and Group 3 2-D with EOLs and fill bits.
        buildPdf([{ picture: { kind: 'coded', width: 520, height: 48, data: fixture('fax/line-bw-g4.fax'), filter: 'CCITTFaxDecode', parms: '/K -1 /Columns 520' } }]),
        buildPdf([{ picture: { kind: 'coded', width: 520, height: 48, data: fixture('fax/line-bw-g3-2d-fill.fax'), filter: 'CCITTFaxDecode', parms: '/K 4 /Columns 520 /EncodedByteAlign true /EndOfLine true' } }]),
        // JBIG2: jbig2enc's arithmetic-coded generic region with TPGDON.
        buildPdf([{ picture: { kind: 'coded', width: 520, height: 48, data: fixture('jbig2/line-generic-tpgd.jb2'), filter: 'JBIG2Decode' } }]),
        // A page in two strips, each drawn with its own matrix.
        buildPdf([{ pieces: [{ picture: gray, matrix: [595, 0, 0, 421, 0, 421] }, { picture: { ...gray, samples: gray.samples.map((v) => 255 - v) }, matrix: [595, 0, 0, 421, 0, 0] }] }]),
      ];
    },
    read: async (bytes) => {
      const scan = readScan(bytes);
      if (!scan.ok) return scan.error;
      for (const page of scan.pages) {
        const read = page.decode();
        if (!read.ok) return read.error;
      }
      return undefined;
    },
    knownError: KNOWN_SCAN_ERROR,
    magic: new TextEncoder().encode('%PDF-1.4\n'),
    runs: 400,
    maxMsPerInput: 5_000,
  },
];
