// The corpus of container and format variants (scripts/make-import-corpus.mts): one opinion table
// saved the ways real writers save spreadsheets. Each variant is read, named for what it is, and
// imports exactly the same rows — none refused, none "damaged".
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '#shared/import/read-workbook';
import { CORPUS_VARIANTS, corpusExpected } from '../../support/import-corpus';
import { FIXTURES, fixtureBytes, planFixture } from '../../support/import-fixtures';

const CORPUS = join(FIXTURES, 'corpus');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(CORPUS, path)];
  });
}

describe('import corpus', () => {
  it(`holds exactly the ${CORPUS_VARIANTS.length} variants listed, one file each`, () => {
    expect(filesUnder(CORPUS).sort()).toEqual(CORPUS_VARIANTS.map((v) => v.file).sort());
    console.log(`import corpus: ${CORPUS_VARIANTS.length} variants`);
    expect(CORPUS_VARIANTS.length).toBe(27);
  });

  for (const variant of CORPUS_VARIANTS) {
    it(`imports ${variant.file} exactly (${variant.writer})`, () => {
      const name = `corpus/${variant.file}`;
      const read = readWorkbook(fixtureBytes(name), variant.file.split('/').pop()!);
      expect(read.ok ? read.workbook.format : read.error).toBe(variant.format);
      const { plan } = planFixture(name);
      expect(plan.rejected).toEqual([]);
      expect(plan.skipped).toEqual([]);
      expect(plan.toAdd.map((r) => [r.row, r.fields.targetId, r.fields.category, r.fields.channel, r.fields.content, r.fields.provider])).toEqual(corpusExpected());
    });
  }
});
