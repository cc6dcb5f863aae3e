// Documents opened by another office suite: what the LibreOffice tests share — the files written
// into a folder of their own, converted to PDF in one LibreOffice run, and each PDF read back with
// poppler (its pages, its page size, its text). Fails, naming the tool, when LibreOffice or
// poppler-utils is absent (scripts/install-test-prereqs.sh installs both).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { requireLibreOffice, requirePoppler } from './prereqs';
import { tempDir } from './temp-dir';

/** A converted document as poppler reads it. */
export interface ConvertedPdf {
  pages: number;
  /** The first page is wider than it is high. */
  landscape: boolean;
  /** The text laid out as on the page (`pdftotext -layout`). */
  text: string;
  /** The same without any white space: what a check for words looks in. */
  flat: string;
  /** The text in reading order (`pdftotext` without -layout) without white space: a table cell's lines stay together. */
  reading: string;
  /** One page's text without white space, in reading order or (`layout`) as laid out on the page. */
  page(n: number, options?: { layout?: boolean }): string;
}

export interface Conversion {
  /** The folder the files and their PDFs are in. */
  dir: string;
  /** The PDF converted from the file `name` (any extension). */
  pdf(name: string): ConvertedPdf;
  /** Converts files of the folder again with another PDF filter, into a subfolder; returns their PDFs' reader. */
  again(names: readonly string[], filter: string, subfolder: string): (name: string) => ConvertedPdf;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Writes `files` into a new temporary folder (named after `label`) and converts them all to PDF in one LibreOffice run. */
export function convertToPdf(label: string, files: Readonly<Record<string, Uint8Array>>): Conversion {
  const soffice = requireLibreOffice();
  const poppler = requirePoppler();
  const dir = tempDir(label);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  const convert = (names: readonly string[], filter: string, outDir: string) => {
    // Its own profile, so a LibreOffice already running on the machine cannot block the conversion.
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', outDir, ...names.map((f) => join(dir, f))], { encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    return (name: string) => readPdf(join(outDir, name.replace(/\.\w+$/, '.pdf')), poppler);
  };
  return { dir, pdf: convert(Object.keys(files), 'pdf', dir), again: (names, filter, subfolder) => convert(names, filter, join(dir, subfolder)) };
}

function readPdf(file: string, { pdftotext, pdfinfo }: { pdftotext: string; pdfinfo: string }): ConvertedPdf {
  expect(existsSync(file), `${file} was not converted`).toBe(true);
  const info = spawnSync(pdfinfo, [file], { encoding: 'utf8' }).stdout;
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const run = (...args: string[]) => spawnSync(pdftotext, [...args, file, '-'], { encoding: 'utf8' }).stdout;
  const text = run('-layout');
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    landscape: size !== null && Number(size[1]) > Number(size[2]),
    text,
    flat: squash(text),
    get reading() {
      return squash(run());
    },
    page: (n, options = {}) => squash(run('-f', String(n), '-l', String(n), ...(options.layout ? ['-layout'] : []))),
  };
}
