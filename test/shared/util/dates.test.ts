import { describe, expect, it } from 'vitest';
import { meetingSchema, opinionSchema } from '#shared/model/record-schemas';
import { isRealDate, isRealIsoTime } from '#shared/util/dates';
import { check } from '#shared/util/validation';
import { sampleContent } from '../../support/sample-content';

describe('real calendar dates', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '2025-12-31', '1990-06-30'])('accepts %s', (s) => {
    expect(isRealDate(s)).toBe(true);
  });
  it.each(['2025-02-30', '2025-02-29', '1900-02-29', '9999-99-99', '2025-00-10', '2025-13-01', '2025-04-31', '2025-01-00', '2025-1-1', '', '2025-01-01T00:00:00Z'])(
    'refuses %s',
    (s) => {
      expect(isRealDate(s)).toBe(false);
    },
  );
  it('checks the day and the time of an ISO time', () => {
    expect(isRealIsoTime('2025-11-01T08:00:00.000Z')).toBe(true);
    expect(isRealIsoTime('2025-11-01T23:59:59Z')).toBe(true);
    expect(isRealIsoTime('2025-02-30T08:00:00.000Z')).toBe(false);
    expect(isRealIsoTime('2025-11-01T24:00:00.000Z')).toBe(false);
    expect(isRealIsoTime('2025-11-01T08:60:00.000Z')).toBe(false);
  });
});

describe('record validators take only real dates', () => {
  const content = sampleContent({ units: 1 });
  it('refuses an opinion received on 2025-02-30 and a meeting planned for 9999-99-99, naming the field', () => {
    const opinion = { ...content.opinions[0]!, receivedDate: '2025-02-30' };
    const r = check(opinionSchema, opinion);
    expect(r).toMatchObject({ ok: false, path: 'receivedDate' });
    expect(!r.ok && r.error).toContain('不是真实存在的日期');
    expect(check(meetingSchema, { ...content.meetings[0]!, plannedDate: '9999-99-99' })).toMatchObject({ ok: false, path: 'plannedDate' });
    expect(check(meetingSchema, { ...content.meetings[0]!, createdAt: '2025-02-30T08:00:00.000Z' })).toMatchObject({ ok: false, path: 'createdAt' });
  });
  it('still accepts an empty date and real ones', () => {
    expect(check(opinionSchema, { ...content.opinions[0]!, receivedDate: '' }).ok).toBe(true);
    expect(check(meetingSchema, { ...content.meetings[0]!, plannedDate: '2024-02-29' }).ok).toBe(true);
  });
});
