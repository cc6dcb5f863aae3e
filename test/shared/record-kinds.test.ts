import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, storesAt } from '../../renderer/src/db/schema';
import { EXCHANGED_TABLES, RECORD_KINDS, RECORD_TABLES, recordLabel, recordValidator } from '#shared/model/record-kinds';
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES } from '../../shared/package/format';
import { check } from '../../shared/util/schema';
import { sampleContent } from '../support/sample-content';

describe('the record registry', () => {
  it('has an entry for every table of the database schema', () => {
    const tables = Object.keys(storesAt(LATEST_VERSION));
    const missing = tables.filter((t) => !(t in RECORD_KINDS));
    expect(
      missing,
      `Every table of renderer/src/db/schema.ts needs an entry in RECORD_KINDS (shared/model/record-kinds.ts): its Chinese label, its validator (if records of it come from outside), whether packages carry it (exchanged), whether backups hold it, and its merge rule. Missing: ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = RECORD_TABLES.filter((t) => !tables.includes(t));
    expect(stale, `RECORD_KINDS lists tables the database no longer has: ${stale.join(', ')}`).toEqual([]);
  });

  it('gives the package its tables and labels, and backups every table', () => {
    expect(PACKAGE_TABLES).toEqual(['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog']);
    expect(PACKAGE_TABLES).toBe(EXCHANGED_TABLES);
    expect(PACKAGE_TABLE_LABELS).toEqual({ units: '单位', meetings: '会议', members: '班子成员', opinions: '意见建议', audits: '审核记录', changeLog: '变更记录' });
    expect(RECORD_TABLES.every((t) => RECORD_KINDS[t].backedUp)).toBe(true);
    expect(recordLabel('meetingSummaries')).toBe('会议汇总');
    expect(recordLabel('一个新表')).toBe('一个新表');
  });

  it('validates every exchanged kind with its validator', () => {
    const content = sampleContent({ units: 1 });
    for (const table of EXCHANGED_TABLES) {
      const validator = recordValidator(table);
      expect(validator, table).toBeDefined();
      for (const row of content[table]) expect(check(validator!, row).ok, table).toBe(true);
      expect(check(validator!, { id: 1 }).ok, table).toBe(false);
    }
  });
});
