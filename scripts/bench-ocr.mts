/* eslint-disable no-console -- a benchmark prints its figures */
// Benchmark of reading paper forms (not a test): typed 征求意见表 rendered by Chromium at several
// resolutions, rotated, with a red seal, noise and JPEG compression, read by the ocr pipeline. Prints the times (model
// load, levelling + detection, recognition per line) and the accuracy figures of the opinion text:
// characters right, opinions read exactly, opinions flagged for checking, and opinions wrong but
// not flagged — the one that must stay near zero.
//   npx tsx scripts/bench-ocr.mts [--quick] [--only 1,5] [--seed-offset 100] [--save DIR]
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { loadOcrEngine } from '../node/cli/ocr-runtime';
import { readForm } from '#shared/ocr/form';
import type { OcrModels } from '#shared/ocr/page';
import { recognizePage } from '#shared/ocr/page';
import { DEFAULT_MIN_CONFIDENCE, planOcrRows } from '#shared/ocr/plan';
import { decodeImage } from '#shared/ocr/image-file';
import { findTableBands } from '#shared/ocr/table-grid';
import { pictureScale } from '#shared/ocr/cell-image';
import { cellImagesOf, cellKey } from '#shared/ocr/preview-rows';
import { splitPasted } from '#shared/text/split-paste';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium';
import { rng } from '../test/support/county-content';
import { formHtml, type FormContent, type FormLook } from '../test/support/ocr/form-html';
import { inFormat, type BenchFormat } from './bench-ocr-formats.mts';
import { stockOpinion } from '../test/support/stock-phrase-content';

interface Variant {
  name: string;
  dpi: number;
  rotate: number;
  noise: number;
  seed: number;
  /** JPEG quality of the picture (a phone photo), or undefined for PNG. */
  jpeg?: number;
  look?: Omit<FormLook, 'rotate'>;
  /** The file the form is saved as, when not the rendered PNG or JPEG (scripts/bench-ocr-formats.mts). */
  format?: BenchFormat;
}

/** 楷体-like (Debian's fonts-arphic-ukai); the variants that need it are skipped when it is missing. */
const KAI = "'AR PL UKai CN'";
const VARIANTS: Variant[] = [
  { name: '150 dpi，不旋转，印章', dpi: 150, rotate: 0, noise: 0, seed: 1 },
  { name: '200 dpi，旋转 1.5°，印章，噪点', dpi: 200, rotate: 1.5, noise: 18, seed: 2 },
  { name: '200 dpi，旋转 −3°，印章，JPEG 质量 75', dpi: 200, rotate: -3, noise: 0, seed: 3, jpeg: 75 },
  { name: '300 dpi，旋转 0.8°，印章，噪点，JPEG 质量 85', dpi: 300, rotate: 0.8, noise: 12, seed: 4, jpeg: 85 },
  { name: '200 dpi，旋转 2.5°，印章', dpi: 200, rotate: 2.5, noise: 0, seed: 5 },
  { name: '100 dpi，旋转 1°，印章', dpi: 100, rotate: 1, noise: 0, seed: 6 },
  { name: '100 dpi，不旋转，印章，JPEG 质量 80', dpi: 100, rotate: 0, noise: 0, seed: 7, jpeg: 80 },
  { name: '200 dpi，黑体（Noto Sans CJK），旋转 1°', dpi: 200, rotate: 1, noise: 0, seed: 8, look: { font: "'Noto Sans CJK SC', sans-serif" } },
  { name: '200 dpi，楷体（AR PL UKai），旋转 −1°', dpi: 200, rotate: -1, noise: 0, seed: 9, look: { font: KAI } },
  { name: '200 dpi，手写样式（楷体逐字抖动，蓝黑墨水），JPEG 质量 85', dpi: 200, rotate: 0.5, noise: 8, seed: 10, jpeg: 85, look: { handwriting: { font: KAI, seed: 10 } } },
  { name: '照片：不均匀光照，JPEG 质量 85', dpi: 200, rotate: 1, noise: 10, seed: 11, jpeg: 85, look: { photo: { light: 0.45 } } },
  { name: '照片：左侧阴影 + 光照不均，JPEG 质量 85', dpi: 200, rotate: -0.5, noise: 10, seed: 12, jpeg: 85, look: { photo: { light: 0.3, shadow: 0.5 } } },
  { name: '照片：透视（俯仰 7°、侧倾 −4°），JPEG 质量 85', dpi: 200, rotate: 0, noise: 8, seed: 13, jpeg: 85, look: { photo: { tiltX: 7, tiltY: -4 } } },
  { name: '照片：透视 + 阴影 + 轻微模糊，JPEG 质量 80', dpi: 200, rotate: 1, noise: 10, seed: 14, jpeg: 80, look: { photo: { tiltX: -6, tiltY: 3, light: 0.3, shadow: 0.4, blur: 0.6 } } },
  { name: '渐进式 JPEG（微信转发的照片），200 dpi，旋转 1°，印章，噪点，质量 80', dpi: 200, rotate: 1, noise: 10, seed: 15, format: 'progressive-jpeg' },
  { name: '黑白扫描 PDF（CCITT G4，tiff2pdf），300 dpi，旋转 0.5°，无印章', dpi: 300, rotate: 0.5, noise: 0, seed: 16, format: 'g4-pdf', look: { seal: false } },
  { name: '黑白扫描 PDF（CCITT G4，tiff2pdf），300 dpi，旋转 0.5°，印章（黑色）', dpi: 300, rotate: 0.5, noise: 0, seed: 17, format: 'g4-pdf' },
  { name: '分条 PDF（4 条图像拼成一页），200 dpi，旋转 1°，印章', dpi: 200, rotate: 1, noise: 0, seed: 18, format: 'strips-pdf' },
];
const quick = process.argv.includes('--quick');
/** `--only 3,5`: the variants by number (from 1), for checking one case. */
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const only = process.argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',').map(Number)) : undefined;
/** `--seed-offset N`: other opinions in the same forms (a second sample of the same variants). */
const seedOffset = process.argv.includes('--seed-offset') ? Number(process.argv[process.argv.indexOf('--seed-offset') + 1]) : 0;
/** `--save DIR`: each rendered picture written there, to look at. */
const saveDir = process.argv.includes('--save') ? process.argv[process.argv.indexOf('--save') + 1] : undefined;

function makeForm(seed: number): FormContent {
  const r = rng(seed);
  const cell = () => (r() < 0.5 ? stockOpinion(r) : `1、${stockOpinion(r)}\n2、${stockOpinion(r)}`);
  return {
    unit: '县交通运输局',
    title: '县交通运输局领导班子2025年度民主生活会征求意见表',
    category: '基层群众',
    group: [['政治忠诚', cell()], ['担当作为', cell()]],
    members: [['张三（局长）', cell()], ['李四（副局长）', cell()], ['王五（副局长）', cell()]],
  };
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

/** Times every call to the models. */
function timed(models: OcrModels, t: { detect: number; recognize: number; lines: number; detectCpu: number; recognizeCpu: number }): OcrModels {
  const cpuSince = (from: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(from);
    return (used.user + used.system) / 1000;
  };
  return {
    detect: async (...args) => {
      const s = performance.now();
      const c = process.cpuUsage();
      const out = await models.detect(...args);
      t.detect += performance.now() - s;
      t.detectCpu += cpuSince(c);
      return out;
    },
    recognize: async (...args) => {
      const s = performance.now();
      const c = process.cpuUsage();
      const out = await models.recognize(...args);
      t.recognize += performance.now() - s;
      t.recognizeCpu += cpuSince(c);
      t.lines++;
      return out;
    },
  };
}

const start = performance.now();
const loadCpu = process.cpuUsage();
const engine = await loadOcrEngine();
const loadUsed = process.cpuUsage(loadCpu);
console.log(`模型加载（检测 + 识别，WASM 单线程）：${((performance.now() - start) / 1000).toFixed(2)} s，CPU ${((loadUsed.user + loadUsed.system) / 1e6).toFixed(2)} s；负载 ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const totals = { chars: 0, errors: 0, opinions: 0, exact: 0, flagged: 0, wrongUnflagged: 0, missing: 0 };
const table: string[] = [];
const pictures = { cells: 0, bytes: 0, opinions: 0, perOpinion: 0, sizes: [] as number[] };
try {
  for (const [number, variant] of VARIANTS.entries()) {
    if (quick ? number > 0 : only && !only.has(number + 1)) continue;
    const form = makeForm(variant.seed + seedOffset);
    const page = await browser.newPage({ viewport: { width: 794, height: 900 }, deviceScaleFactor: variant.dpi / 96 });
    await page.setContent(formHtml(form, { rotate: variant.rotate, ...variant.look }));
    await page.evaluate(() => document.fonts.ready);
    // Noise is added to the rendered picture before the JPEG compression, as a camera does.
    if (variant.noise > 0) await page.evaluate(([amount, seed]) => {
      const div = document.createElement('div');
      div.style.cssText = 'position:absolute;inset:0;pointer-events:none;mix-blend-mode:difference;opacity:0.6';
      const canvas = document.createElement('canvas');
      canvas.width = document.body.scrollWidth;
      canvas.height = document.body.scrollHeight;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(canvas.width, canvas.height);
      let s = seed;
      for (let i = 0; i < img.data.length; i += 4) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const v = (s / 2 ** 32) * amount;
        img.data[i] = img.data[i + 1] = img.data[i + 2] = v;
        img.data[i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      div.appendChild(canvas);
      document.body.appendChild(div);
    }, [variant.noise * 2, variant.seed] as const);
    const shot = await page.screenshot({ fullPage: true, ...(variant.jpeg ? { type: 'jpeg' as const, quality: variant.jpeg } : {}) });
    await page.close();
    const saved = variant.format ? inFormat(new Uint8Array(shot), variant.format) : { ok: true as const, bytes: new Uint8Array(shot), file: variant.jpeg ? 'form.jpg' : 'form.png' };
    if (!saved.ok) {
      console.log(`${variant.name}：跳过（${saved.reason}）`);
      continue;
    }
    if (saveDir) writeFileSync(`${saveDir}/variant-${number + 1}-${saved.file}`, saved.bytes);
    const png = decodeImage(saved.bytes);
    if (!png.ok) throw new Error(png.error);
    const t = { detect: 0, recognize: 0, lines: 0, detectCpu: 0, recognizeCpu: 0 };
    const s = performance.now();
    const cpu = process.cpuUsage();
    const read = await recognizePage(png.image, timed(engine.models, t), engine.classes);
    const total = performance.now() - s;
    // CPU time of the page (one WASM thread): close to the wall time on an idle machine, where the
    // wall times above are inflated by other work on a shared one.
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const g = performance.now();
    const reading = readForm(read.lines, findTableBands(read.page));
    const rows = planOcrRows(reading, undefined);
    const understand = performance.now() - g;
    // The pictures the app stores with each imported opinion (its cell, shared/ocr/cell-image.ts): their size on disk.
    const cells = cellImagesOf(read.page, read.lines.map((l) => l.box.height), reading);
    const cellBytes = [...cells.values()].map((c) => c.png.length).sort((a, b) => a - b);
    pictures.cells += cellBytes.length;
    pictures.bytes += cellBytes.reduce((a, b) => a + b, 0);
    pictures.opinions += reading.opinions.length;
    pictures.perOpinion += reading.opinions.reduce((n, o) => n + cells.get(cellKey(o))!.png.length, 0);
    pictures.sizes.push(...cellBytes);
    if (saveDir) for (const [key, c] of cells) writeFileSync(`${saveDir}/variant-${number + 1}-cell-${key.replace(':', '-')}.png`, c.png);
    const [w0, h0] = [...cells.values()].reduce(([w, h], c) => [Math.max(w, c.width), Math.max(h, c.height)], [0, 0]);
    console.log(`    原件图像：${cellBytes.length} 个单元格，PNG 中位 ${(cellBytes[Math.floor(cellBytes.length / 2)]! / 1024).toFixed(1)} KB（${(cellBytes[0]! / 1024).toFixed(1)}–${(cellBytes.at(-1)! / 1024).toFixed(1)} KB，最大 ${w0}×${h0} 像素），缩放 ${pictureScale(read.lines.map((l) => l.box.height)).toFixed(2)}`);
    const expected = [...form.group, ...form.members].map(([label, text]) => ({ label, texts: splitPasted(text).map((i) => i.text) }));
    const v = { chars: 0, errors: 0, opinions: 0, exact: 0, flagged: 0, wrongUnflagged: 0, missing: 0 };
    const doubtfulChars = new Map<string, number>();
    expected.forEach(({ label, texts }, index) => {
      const got = rows.filter((r) => r.opinion.row === rows.find((x) => x.opinion.label.replace(/\s/g, '').replace(/[()]/g, (c) => (c === '(' ? '（' : '）')) === label)?.opinion.row);
      texts.forEach((text, k) => {
        const row = got[k];
        v.opinions++;
        v.chars += [...text].length;
        if (!row) {
          v.missing++;
          v.errors += [...text].length;
          v.wrongUnflagged++;
          return;
        }
        const d = distance(text, row.opinion.text);
        v.errors += Math.min(d, [...text].length);
        const flagged = row.doubtful.length > 0;
        for (const i of row.doubtful) doubtfulChars.set(row.opinion.chars[i]!.char, (doubtfulChars.get(row.opinion.chars[i]!.char) ?? 0) + 1);
        if (d === 0) v.exact++;
        if (flagged) v.flagged++;
        if (d > 0 && !flagged) {
          v.wrongUnflagged++;
          console.log(`    未标出的错误（第 ${index + 1} 组）：应为“${text}”，读作“${row.opinion.text}”`);
        }
      });
    });
    if (doubtfulChars.size > 0) console.log(`    待核对的字：${[...doubtfulChars].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += v[k];
    table.push(`| ${number + 1}. ${variant.name} | ${png.image.width}×${png.image.height} | ${read.angle}° | ${(100 * (1 - v.errors / v.chars)).toFixed(1)}% | ${v.exact}/${v.opinions} | ${v.flagged} | ${v.wrongUnflagged}${v.missing ? `（漏读 ${v.missing}）` : ''} | ${cpuSeconds.toFixed(1)} s |`);
    const prep = total - t.detect - t.recognize;
    console.log(
      `${variant.name}（${png.image.width}×${png.image.height}）：校正 ${read.angle}°；预处理（去印章、测倾斜、旋转、缩放）${(prep / 1000).toFixed(2)} s，检测 ${(t.detect / 1000).toFixed(2)} s，` +
        `识别 ${t.lines} 行共 ${(t.recognize / 1000).toFixed(2)} s（每行 ${(t.recognize / Math.max(1, t.lines)).toFixed(0)} ms），找表格与拆分 ${understand.toFixed(0)} ms；整页 ${(total / 1000).toFixed(1)} s；CPU：整页 ${cpuSeconds.toFixed(1)} s，检测 ${(t.detectCpu / 1000).toFixed(2)} s，每行识别 ${(t.recognizeCpu / Math.max(1, t.lines)).toFixed(0)} ms；` +
        `字正确率 ${(100 * (1 - v.errors / v.chars)).toFixed(2)}%，完全正确 ${v.exact}/${v.opinions}，标出待核对 ${v.flagged}，错而未标出 ${v.wrongUnflagged}（其中漏读 ${v.missing}）`,
    );
  }
} finally {
  await browser.close();
}
console.log(
  `合计（置信度阈值 ${DEFAULT_MIN_CONFIDENCE}）：字正确率 ${(100 * (1 - totals.errors / totals.chars)).toFixed(2)}%，完全正确 ${((100 * totals.exact) / totals.opinions).toFixed(1)}%（${totals.exact}/${totals.opinions}），` +
    `标出待核对 ${((100 * totals.flagged) / totals.opinions).toFixed(1)}%，错而未标出 ${((100 * totals.wrongUnflagged) / totals.opinions).toFixed(1)}%（${totals.wrongUnflagged}/${totals.opinions}）`,
);
pictures.sizes.sort((a, b) => a - b);
console.log(
  `原件图像（每条意见保存其单元格，4 位灰度 PNG）：${pictures.cells} 个单元格共 ${(pictures.bytes / 1024).toFixed(0)} KB，每格中位 ${(pictures.sizes[Math.floor(pictures.sizes.length / 2)]! / 1024).toFixed(1)} KB、平均 ${(pictures.bytes / Math.max(1, pictures.cells) / 1024).toFixed(1)} KB、最大 ${(pictures.sizes.at(-1)! / 1024).toFixed(1)} KB；` +
    `每条意见平均 ${(pictures.perOpinion / Math.max(1, pictures.opinions) / 1024).toFixed(1)} KB（同一单元格拆出的几条各存一份），base64 后多三分之一`,
);
console.log(['', '| 表（A4，红色印章） | 尺寸 | 校正 | 字正确率 | 完全正确 | 标出待核对 | 错而未标出 | 整页 CPU |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...table].join('\n'));
