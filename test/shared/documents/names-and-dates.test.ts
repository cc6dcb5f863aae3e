import { describe, expect, it } from 'vitest';
import { memberUnitTitle, unitGroupName } from '#shared/documents/group-name';
import { prepareMeetingDocs } from '#shared/documents/meeting-docs';
import { opinionList } from '#shared/documents/opinion-list';
import { batchTime } from '#shared/model/entry-order';
import { formatDateTime } from '#shared/util/dates';
import { documentSample } from '../../support/document-sample';

describe('names and dates', () => {
  it('names the group once, however the unit is written', () => {
    expect(unitGroupName('某某县财政局')).toBe('某某县财政局领导班子');
    expect(unitGroupName('中共某某县委员会领导班子')).toBe('中共某某县委员会领导班子');
    expect(unitGroupName('某某局党组班子 ')).toBe('某某局党组班子');
  });
  it('writes a member’s unit and post without a word twice (党组党组书记, 领导班子局长)', () => {
    expect(memberUnitTitle('中共某某县财政局党组', '党组书记、局长')).toBe('中共某某县财政局党组书记、局长');
    expect(memberUnitTitle('中共某某县财政局党组', '党组成员、副局长')).toBe('中共某某县财政局党组成员、副局长');
    expect(memberUnitTitle('某某县交通运输局领导班子', '局长')).toBe('某某县交通运输局局长');
    expect(memberUnitTitle('中共某某县委员会', '县委书记')).toBe('中共某某县委员会县委书记');
    expect(memberUnitTitle('某某县财政局 ', ' 副局长')).toBe('某某县财政局副局长');
    expect(memberUnitTitle('某某县财政局', '')).toBe('某某县财政局');
    const sample = documentSample();
    const zhang = sample.members.find((m) => m.name === '张三')!;
    const input = { ...sample.input, unit: { ...sample.input.unit, name: '中共某某县财政局党组' }, members: sample.input.members.map((m) => (m.id === zhang.id ? { ...m, position: '党组书记、局长' } : m)) };
    expect(opinionList(prepareMeetingDocs(input), zhang.id, { internal: false, date: '2026-03-01' }).subtitle).toBe('中共某某县财政局党组书记、局长');
  });
  it('stamps a batch one millisecond apart, so entry order survives', () => {
    const start = '2025-11-21T08:00:00.998Z';
    expect([0, 1, 2, 3].map((i) => batchTime(start, i))).toEqual(['2025-11-21T08:00:00.998Z', '2025-11-21T08:00:00.999Z', '2025-11-21T08:00:01.000Z', '2025-11-21T08:00:01.001Z']);
  });
  it('shows times as YYYY-MM-DD HH:mm:ss whatever the locale', () => {
    expect(formatDateTime(new Date(2025, 10, 1, 9, 5, 3).toISOString())).toBe('2025-11-01 09:05:03');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });
});

describe('list file names', () => {
  it('carry the position when two members share a name, and only then', async () => {
    const { documentSample } = await import('../../support/document-sample');
    const { prepareMeetingDocs } = await import('#shared/documents/meeting-docs');
    const { listFileName } = await import('#shared/documents/file-names');
    const sample = documentSample();
    const [first, second] = sample.input.members;
    const twins = { ...sample.input, members: sample.input.members.map((m) => (m.id === second!.id ? { ...m, name: first!.name } : m)) };
    const docs = prepareMeetingDocs(twins);
    const names = docs.targets.filter((t) => t.name === first!.name).map((t) => listFileName(docs, t, false));
    expect(names).toHaveLength(2);
    for (const [i, t] of docs.targets.filter((x) => x.name === first!.name).entries()) expect(names[i]).toContain(`-${first!.name}（${t.position}）-`);
    const plain = prepareMeetingDocs(sample.input);
    expect(listFileName(plain, plain.targets[1]!, false)).not.toContain('（');
  });
});
