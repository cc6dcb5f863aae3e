// The app's own ledger export (意见建议汇总台账, from files-out) imported again: the same opinions
// come back — target (namesakes told apart by the 职务 column), source, channel, text, provider,
// dimension, date — and imported into the meeting it came from, it adds nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSubstantive, phraseMatcher } from '#shared/checks/substance';
import { ledgerXlsx } from '#shared/documents/excel/ledger-workbook';
import { isListed, prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { findTables } from '#shared/import/find-table';
import { initialChoices, planImport } from '#shared/import/plan';
import { readWorkbook } from '#shared/import/read-workbook';
import { DEFAULT_CATEGORIES, DEFAULT_CHANNELS } from '#shared/model/rule-set';
import { GROUP_TARGET, type Member, type Opinion } from '#shared/model/types';
import { cleanLine, cleanText } from '#shared/text/normalize';
import { stripNumbering } from '#shared/text/numbering';
import { DIMENSIONS, fixtureMeeting, ROSTER } from '../../support/import-fixtures';
import { fakeUuid, sampleMeeting } from '../../support/sample-content';

const T = '2025-11-01T08:00:00.000Z';
const meeting = sampleMeeting({ id: fakeUuid(900), unitId: fakeUuid(901), plannedDate: '', dimensions: DIMENSIONS, createdAt: T, updatedAt: T });
const members: Member[] = ROSTER.map((m, i) => ({ ...m, meetingId: meeting.id, areas: '', rank: i + 1, createdAt: T, updatedAt: T }));

const chars = (alphabet: string, max: number) => fc.array(fc.constantFrom(...alphabet.split('')), { minLength: 1, maxLength: max }).map((cs) => cs.join(''));
const opinion = fc.record({
  targetId: fc.constantFrom(GROUP_TARGET, ...ROSTER.map((m) => m.id)),
  category: fc.constantFrom(...DEFAULT_CATEGORIES),
  channel: fc.constantFrom(...DEFAULT_CHANNELS),
  content: fc.oneof(chars('意见建议学习调研作风落实群众企业基层，。、；“”（）=+-@0123456789 \nAbc', 50).map(cleanText), fc.constantFrom('无', '暂无意见')),
  provider: fc.oneof(fc.constant(''), chars('县委办财政局007网格 ', 12).map(cleanLine)),
  dimension: fc.constantFrom('', ...DIMENSIONS),
  receivedDate: fc.constantFrom('', '2025-11-01', '2025-12-31'),
  minute: fc.integer({ min: 0, max: 59 }),
});

describe('the ledger export, imported again', () => {
  it('gives back the opinions it lists, and adds nothing to the meeting it came from', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opinion, { maxLength: 25 }), async (drawn) => {
        const opinions: Opinion[] = drawn
          .filter((d) => d.content !== '')
          .map((d, i) => ({
            id: fakeUuid(1000 + i), meetingId: meeting.id, targetId: d.targetId, category: d.category, channel: d.channel, content: d.content, provider: d.provider,
            dimension: d.dimension, receivedDate: d.receivedDate, enteredBy: '测试员', origin: { kind: 'typed' }, createdAt: `2025-11-01T08:${String(d.minute).padStart(2, '0')}:00.000Z`, updatedAt: T,
          }));
        const docs = prepareMeetingDocs({ unit: { name: '某某县财政局', shortName: '财政局' }, meeting, members, opinions });
        const bytes = await ledgerXlsx(docs, { date: '2025-11-21' });
        const read = readWorkbook(bytes, '台账.xlsx');
        if (!read.ok) throw new Error(read.error);

        const fresh = fixtureMeeting();
        const layout = findTables(read.workbook, fresh.members);
        const plan = planImport(read.workbook, layout, initialChoices(layout, fresh.ruleSet), fresh);
        // A text that begins with list numbering (`1、` `-`) comes back without it (issue 11: numbering is stripped on import).
        const noOpinion = phraseMatcher(fresh.ruleSet.noOpinionPhrases);
        const listed = docs.opinions.filter((o) => isListed(docs.flags.get(o.id)) && isSubstantive(stripNumbering(o.content), noOpinion));
        const fields = (o: Pick<Opinion, 'targetId' | 'category' | 'channel' | 'content' | 'provider' | 'dimension' | 'receivedDate'>) =>
          [o.targetId, o.category, o.channel, stripNumbering(o.content), o.provider, o.dimension, o.receivedDate].join('\u0001');
        const numbered = new Set(opinions.filter((o) => stripNumbering(o.content) !== o.content).map(fields));
        // Stripped texts may now repeat one another (`1、意见` and `意见`): those are skipped as duplicates.
        expect(plan.rejected.filter((r) => !r.problems.every((p) => p.reason.startsWith('意见内容只有编号')))).toEqual([]);
        expect(plan.toAdd.map((r) => fields(r.fields)).sort()).toEqual([...new Set(listed.map(fields))].sort());

        // Into the meeting it came from it adds nothing — but a text stored with its numbering, which
        // the import strips, until the duplicate rule itself ignores leading numbering.
        const same = fixtureMeeting(opinions);
        const again = planImport(read.workbook, layout, initialChoices(layout, same.ruleSet), same);
        expect(again.toAdd.filter((r) => !numbered.has(fields(r.fields)))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
