import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, storesAt } from '../../../renderer/src/db/schema-history';
import { entityLabel, EXCHANGED_TABLES, RECORD_KINDS, RECORD_TABLES, recordLabel, recordRow, recordValidator, tablesProblem } from '#shared/model/record-kinds';
import { PACKAGE_TABLE_LABELS, PACKAGE_TABLES } from '#shared/package/format';
import { check } from '#shared/util/validation';
import { withFollowUp } from '../../support/follow-up-sample';
import { withOpinionImages } from '../../support/opinion-image-sample';
import { sampleContent } from '../../support/sample-content';

describe('the record registry', () => {
  it('has an entry for every table of the database schema', () => {
    const tables = Object.keys(storesAt(LATEST_VERSION));
    const missing = tables.filter((t) => !(t in RECORD_KINDS));
    expect(
      missing,
      `Every table of renderer/src/db/schema-history.ts needs an entry in RECORD_KINDS (shared/model/record-kinds.ts): its Chinese label, its validator (if records of it come from outside), whether packages carry it (exchanged), whether backups hold it, and its merge rule. Missing: ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = RECORD_TABLES.filter((t) => !tables.includes(t));
    expect(stale, `RECORD_KINDS lists tables the database no longer has: ${stale.join(', ')}`).toEqual([]);
  });

  it('gives the package its tables and labels, and backups every table', () => {
    expect(PACKAGE_TABLES).toEqual(['units', 'meetings', 'members', 'opinions', 'audits', 'changeLog', 'consolidatedOpinions', 'problems', 'ledgerEntries', 'progressEntries', 'talks', 'preparations', 'materials', 'opinionImages']);
    expect(PACKAGE_TABLES).toBe(EXCHANGED_TABLES);
    expect(PACKAGE_TABLE_LABELS).toEqual({
      units: '单位',
      meetings: '会议',
      members: '班子成员',
      opinions: '意见建议',
      audits: '审核记录',
      changeLog: '变更记录',
      consolidatedOpinions: '梳理后意见',
      problems: '查摆问题',
      ledgerEntries: '整改台账',
      progressEntries: '整改进展',
      talks: '谈心谈话',
      preparations: '会前准备',
      materials: '对照检查材料',
      opinionImages: '意见原件',
    });
    expect(RECORD_TABLES.every((t) => RECORD_KINDS[t].backedUp)).toBe(true);
    expect(recordLabel('meetingSummaries')).toBe('会议汇总');
    expect(recordLabel('一个新表')).toBe('一个新表');
  });

  it('names tables and rows in messages by their Chinese labels, counting rows from 1', () => {
    expect(recordRow('opinions', 3)).toBe('意见建议第 4 条');
    expect(tablesProblem('opinions[3].content', '应为文本')).toBe('意见建议第 4 条：content 应为文本');
    expect(tablesProblem('opinions[0].origin.row', '应为整数')).toBe('意见建议第 1 条：origin.row 应为整数');
    expect(tablesProblem('members[2]', '应为对象')).toBe('班子成员第 3 条：应为对象');
    expect(tablesProblem('units', '应为列表')).toBe('单位应为列表');
    expect(tablesProblem('settings', '中的主键 operatorName 重复')).toBe('设置项中的主键 operatorName 重复');
    expect(tablesProblem('audits.note', '是未知字段')).toBe('审核记录的 note 是未知字段');
    // A table this version does not know keeps its own name, set apart by a space.
    expect(tablesProblem('summaries', '不是列表')).toBe('summaries 不是列表');
    expect(tablesProblem('', '应为对象')).toBe('数据应为对象');
  });

  it('validates every exchanged kind with its validator', () => {
    const content = withOpinionImages(withFollowUp(sampleContent({ units: 1 })));
    for (const table of EXCHANGED_TABLES) {
      expect(content[table].length, `the sample has no ${table}`).toBeGreaterThan(table === 'changeLog' || table === 'audits' ? -1 : 0);
      const validator = recordValidator(table);
      expect(validator, table).toBeDefined();
      for (const row of content[table]) expect(check(validator!, row).ok, table).toBe(true);
      expect(check(validator!, { id: 1 }).ok, table).toBe(false);
    }
  });

  it('names every change-log entity kind in Chinese (the history tab shows these)', () => {
    const entities = ['unit', 'meeting', 'member', 'opinion', 'audit', 'consolidated', 'problem', 'ledger-entry', 'progress', 'talk', 'preparation', 'material'];
    expect(entities.map(entityLabel)).toEqual(['单位', '会议', '班子成员', '意见建议', '审核记录', '梳理后意见', '查摆问题', '整改台账', '整改进展', '谈心谈话', '会前准备', '对照检查材料']);
    expect(entityLabel('未知')).toBe('未知');
  });
});
