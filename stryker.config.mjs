// Mutation testing of the pure domain (npm run mutation; not part of npm test). Each mutant is
// type-checked against tsconfig.shared.json first (a mutant that does not compile is no proof of
// anything), then only the unit tests that cover it run (perTest coverage, vitest related mode).
// Concurrency stays low: the machine this runs on has two cores. Static mutants (module-level
// constants: phrase lists, regular expressions) are left out (ignoreStatic): each one reruns every
// test file — on shared/text a quarter of the mutants took 69% of the time — and the score is
// reported over the others (the README's Mutation testing section says so).
// Each selection of folders (scripts/mutation.mjs sets MUTATION_SLUG) keeps its own sandbox, report
// and incremental file, so runs of different folders can go side by side and never undo each other.
const slug = process.env.MUTATION_SLUG ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.shared.json',
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 30_000,
  mutate: [
    'shared/checks/**/*.ts',
    'shared/text/**/*.ts',
    'shared/package/**/*.ts',
    'shared/backup/**/*.ts',
    'shared/import/zip-guard.ts',
    'shared/import/cfb-guard.ts',
    'shared/import/biff-guard.ts',
    'shared/import/limits.ts',
    'shared/documents/file-names.ts',
    'shared/documents/opinion-list.ts',
  ],
  ignorePatterns: ['out', 'dist', 'release', 'test-results', 'coverage', '.tmp', 'docs'],
  tempDirName: `.tmp/stryker-${slug}`,
  // A later run re-tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `.tmp/mutation/incremental-${slug}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `.tmp/mutation/report-${slug}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 80, low: 60, break: null },
};
