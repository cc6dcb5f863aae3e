// PDFs made in tests, the way scanners write them: one picture per page (a JPEG as DCTDecode, or
// raw pixels compressed with Node's zlib, with or without the PNG predictor), drawn over the page
// by a `cm` matrix, optionally /Rotate; written with a classic xref table or an xref stream with
// object streams, optionally followed by an incremental update. Written independently of the reader.
import { deflateSync } from 'node:zlib';

export type PdfPicture =
  | { kind: 'jpeg'; bytes: Uint8Array; width: number; height: number; gray?: boolean }
  | { kind: 'raw'; width: number; height: number; components: 1 | 3; bpc: 1 | 8; samples: Uint8Array; predictor?: boolean; decode?: number[]; filter?: string }
  /** Already-coded 1-bit data (CCITT fax from libtiff, say) with its filter and DecodeParms as written. */
  | { kind: 'coded'; width: number; height: number; data: Uint8Array; filter: string; parms?: string; decode?: number[]; imageMask?: boolean };

export interface PdfPageSpec {
  picture?: PdfPicture;
  /** Text drawn with a standard font: a page of an electronic document. */
  text?: string;
  rotate?: number;
  /** The `cm` placing the picture; default: the whole A4 page. */
  matrix?: number[];
  /** The picture drawn this many times as strips one under another (as some scanners write a page). */
  strips?: number;
  /** Separate pictures, each drawn with its own `cm` (a page written in strips). */
  pieces?: Array<{ picture: PdfPicture; matrix: number[] }>;
}

interface Obj {
  body: string;
  stream?: Uint8Array;
}

const A4 = [595, 842] as const;

/** The picture's image dictionary (without /Length) and stream data. */
function imageObject(p: PdfPicture): { dict: string; data: Uint8Array } {
  let dict: string;
  let data: Uint8Array;
  if (p.kind === 'jpeg') {
    dict = `/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /${p.gray ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode`;
    data = p.bytes;
  } else if (p.kind === 'coded') {
    const space = p.imageMask ? '/ImageMask true' : '/ColorSpace /DeviceGray /BitsPerComponent 1';
    dict = `/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} ${space} /Filter /${p.filter}${p.parms ? ` /DecodeParms << ${p.parms} >>` : ''}${p.decode ? ` /Decode [${p.decode.join(' ')}]` : ''}`;
    data = p.data;
  } else {
    const stride = Math.ceil((p.width * p.components * p.bpc) / 8);
    let raw = p.samples;
    if (p.predictor) {
      // PNG "Up" filter on every row, as scanners' Flate writers often choose.
      raw = new Uint8Array((stride + 1) * p.height);
      for (let y = 0; y < p.height; y++) {
        raw[y * (stride + 1)] = 2;
        for (let x = 0; x < stride; x++) raw[y * (stride + 1) + 1 + x] = (p.samples[y * stride + x]! - (y > 0 ? p.samples[(y - 1) * stride + x]! : 0)) & 255;
      }
    }
    const parms = p.predictor ? ` /DecodeParms << /Predictor 15 /Colors ${p.components} /BitsPerComponent ${p.bpc} /Columns ${p.width} >>` : '';
    const space = p.components === 1 ? '/DeviceGray' : '/DeviceRGB';
    dict = `/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace ${space} /BitsPerComponent ${p.bpc} /Filter /${p.filter ?? 'FlateDecode'}${parms}${p.decode ? ` /Decode [${p.decode.join(' ')}]` : ''}`;
    data = new Uint8Array(deflateSync(raw));
  }
  return { dict, data };
}

/** A PDF of the pages, in order. */
export function buildPdf(pages: PdfPageSpec[], options: { xrefStream?: boolean; encrypt?: boolean; update?: { page: number; rotate: number } } = {}): Uint8Array {
  const objs: Obj[] = [];
  const add = (o: Obj) => objs.push(o);
  add({ body: '<< /Type /Catalog /Pages 2 0 R >>' });
  add({ body: '' }); // the page tree, filled below
  const kids: number[] = [];
  for (const spec of pages) {
    const resources: string[] = [];
    let content = '';
    if (spec.picture) {
      const { dict, data } = imageObject(spec.picture);
      add({ body: `<< ${dict} /Length ${data.length} >>`, stream: data });
      resources.push(`/XObject << /Im0 ${objs.length} 0 R >>`);
      const n = spec.strips ?? 1;
      for (let k = 0; k < n; k++) content += `q ${(spec.matrix ?? [A4[0], 0, 0, A4[1] / n, 0, (A4[1] * (n - 1 - k)) / n]).join(' ')} cm /Im0 Do Q\n`;
    }
    const pieceRefs: string[] = [];
    for (const [k, piece] of (spec.pieces ?? []).entries()) {
      const { dict, data } = imageObject(piece.picture);
      add({ body: `<< ${dict} /Length ${data.length} >>`, stream: data });
      pieceRefs.push(`/S${k} ${objs.length} 0 R`);
      content += `q ${piece.matrix.join(' ')} cm /S${k} Do Q\n`;
    }
    if (pieceRefs.length > 0) resources.push(`/XObject << ${pieceRefs.join(' ')} >>`);
    if (spec.text !== undefined) {
      add({ body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' });
      resources.push(`/Font << /F1 ${objs.length} 0 R >>`);
      content += `BT /F1 12 Tf 72 760 Td (${spec.text}) Tj ET\n`;
    }
    const contentBytes = new Uint8Array(deflateSync(Buffer.from(content, 'latin1')));
    add({ body: `<< /Filter /FlateDecode /Length ${contentBytes.length} >>`, stream: contentBytes });
    const contentNum = objs.length;
    add({ body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << ${resources.join(' ')} >> /Contents ${contentNum} 0 R${spec.rotate ? ` /Rotate ${spec.rotate}` : ''} >>` });
    kids.push(objs.length);
  }
  objs[1] = { body: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>` };
  if (options.encrypt) add({ body: '<< /Filter /Standard /V 2 /R 3 /Length 128 /O <00> /U <00> /P -4 >>' });
  const encrypt = options.encrypt ? ` /Encrypt ${objs.length} 0 R /ID [<01> <01>]` : '';
  let file = options.xrefStream ? writeWithXrefStream(objs, encrypt) : writeClassic(objs, encrypt);
  if (options.update) {
    // An incremental update: the page object written again with a new /Rotate, a new xref section
    // pointing back to the first through /Prev.
    const num = kids[options.update.page - 1]!;
    const old = objs[num - 1]!.body.replace(/ \/Rotate \d+/, '');
    const body = old.replace(/ >>$/, ` /Rotate ${options.update.rotate} >>`);
    const prev = Number(/startxref\s+(\d+)/.exec(Buffer.from(file).toString('latin1').slice(-64))![1]);
    const at = file.length;
    const obj = Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1');
    const xrefAt = at + obj.length;
    const tail = Buffer.from(`xref\n0 1\n0000000000 65535 f \n${num} 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1');
    file = Buffer.concat([file, obj, tail]);
  }
  return new Uint8Array(file);
}

function objectBytes(num: number, o: Obj): Buffer {
  return o.stream ? Buffer.concat([Buffer.from(`${num} 0 obj\n${o.body}\nstream\n`, 'latin1'), o.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]) : Buffer.from(`${num} 0 obj\n${o.body}\nendobj\n`, 'latin1');
}

function writeClassic(objs: Obj[], encrypt: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = objectBytes(i + 1, o);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** PDF 1.5 style: every non-stream object packed into one object stream, an xref stream with the PNG predictor. */
function writeWithXrefStream(objs: Obj[], encrypt: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0]!.length;
  const packed = objs.map((o, i) => ({ num: i + 1, o })).filter(({ o }) => !o.stream);
  const objStmNum = objs.length + 1;
  const xrefNum = objs.length + 2;
  const entries = new Map<number, [number, number, number]>();
  objs.forEach((o, i) => {
    if (!o.stream) return;
    entries.set(i + 1, [1, at, 0]);
    const b = objectBytes(i + 1, o);
    parts.push(b);
    at += b.length;
  });
  let header = '';
  let body = '';
  packed.forEach(({ num, o }, index) => {
    header += `${num} ${body.length} `;
    body += `${o.body}\n`;
    entries.set(num, [2, objStmNum, index]);
  });
  const stm = new Uint8Array(deflateSync(Buffer.from(header + body, 'latin1')));
  entries.set(objStmNum, [1, at, 0]);
  const stmBytes = objectBytes(objStmNum, { body: `<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${stm.length} >>`, stream: stm });
  parts.push(stmBytes);
  at += stmBytes.length;
  entries.set(xrefNum, [1, at, 0]);
  // W [1 4 2], one row per object 0…xrefNum, each row behind a PNG "Up" filter byte.
  const rowLen = 7;
  const rows: number[] = [];
  let prev = new Array<number>(rowLen).fill(0);
  for (let n = 0; n <= xrefNum; n++) {
    const [t, a, b] = entries.get(n) ?? [0, 0, 65535];
    const row = [t, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >> 8) & 255, b & 255];
    rows.push(2, ...row.map((v, i) => (v - prev[i]!) & 255));
    prev = row;
  }
  const xref = new Uint8Array(deflateSync(Uint8Array.from(rows)));
  parts.push(objectBytes(xrefNum, { body: `<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Root 1 0 R${encrypt} /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${rowLen} >> /Length ${xref.length} >>`, stream: xref }));
  parts.push(Buffer.from(`startxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
