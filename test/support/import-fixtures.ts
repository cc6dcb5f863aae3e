// The meeting the import fixtures in test/fixtures/import/ were written for (see
// scripts/make-import-fixtures.mjs): five members, two of them named 张伟, and the county rule.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findTables } from '#shared/import/find-table';
import { DEFAULT_CHOICES, initialChoices, planImport, type ImportChoices, type ImportMeeting } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import type { DuplicateFields } from '#shared/checks/duplicates';
import { defaultRuleSet } from '#shared/model/rule-set';
import { fakeUuid } from './sample-content';

export const FIXTURES = resolve(__dirname, '../fixtures/import');

export const ROSTER = [
  { id: fakeUuid(101), name: '张三', position: '局长' },
  { id: fakeUuid(102), name: '李四', position: '副局长' },
  { id: fakeUuid(103), name: '王五', position: '副局长' },
  { id: fakeUuid(104), name: '张伟', position: '副局长' },
  { id: fakeUuid(105), name: '张伟', position: '纪检组长' },
];

/** The fixtures are a 2025年度 meeting's forms (dates in November 2025). */
export const FIXTURE_PERIOD = { year: 2025, plannedDate: '' };

export const DIMENSIONS = ['带头强化政治忠诚、提高政治能力', '带头干事创业、担当作为'];

/** Member id by `name` or `name（position）`. */
export function memberId(label: string): string {
  const m = ROSTER.find((x) => x.name === label || `${x.name}（${x.position}）` === label);
  if (!m) throw new Error(`no member ${label}`);
  return m.id;
}

export function fixtureMeeting(existing: DuplicateFields[] = []): ImportMeeting {
  return { ruleSet: defaultRuleSet(), dimensions: DIMENSIONS, members: ROSTER, existing, period: FIXTURE_PERIOD };
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

/** Reads a fixture and plans its import with the mapping found automatically (plus any choices). */
export function planFixture(name: string, choices: Partial<ImportChoices> = {}, existing: DuplicateFields[] = []) {
  const read = readWorkbook(fixtureBytes(name), name);
  if (!read.ok) throw new Error(read.error);
  const meeting = fixtureMeeting(existing);
  const layout = findTables(read.workbook, meeting.members, meeting.ruleSet);
  const start = initialChoices(layout, meeting.ruleSet);
  const merged: ImportChoices = { ...DEFAULT_CHOICES, ...start, ...choices, fixed: { ...start.fixed, ...choices.fixed } };
  return { workbook: read.workbook, layout, plan: planImport(read.workbook, layout, merged, meeting), choices: merged };
}
