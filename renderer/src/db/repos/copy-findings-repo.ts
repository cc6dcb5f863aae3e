// The cross-unit copy scan (疑似抄袭): reading what it compares, and storing what it found per
// meeting, with the count in each meeting's summary — in one transaction. Also every warning of
// the county, for the overview workbook.
import { copyCandidates, type CopyCandidate } from '#shared/checks/copy-detection';
import { meetingHeading } from '#shared/documents/meeting-docs';
import type { Meeting, Member, Opinion } from '#shared/model/types';
import { auditWarnings, countyLabels, type MeetingWarning, type WarningLabels } from '#shared/supervision/warnings';
import { groupByMeeting as groupBy } from '#shared/util/group-by';
import { meetingView } from '#shared/meeting/view';
import type { MeetingSummary } from '#shared/supervision/summary';
import type { CopyFindingsRow, WorkbenchDb } from '../database';

interface County {
  /** Live meetings of live units. */
  meetings: Meeting[];
  members: Map<string, Member[]>;
  opinions: Map<string, Opinion[]>;
  findings: Map<string, CopyFindingsRow>;
  fingerprints: Map<string, string>;
  labels: WarningLabels;
}

/** One consistent read of everything (every opinion: about a second at county scale — never on a render path). */
async function readCounty(db: WorkbenchDb): Promise<County> {
  return db.transaction('r', [db.units, db.meetings, db.members, db.opinions, db.meetingSummaries, db.copyFindings], async () => {
    const [units, meetings, members, opinions, summaries, findings] = await Promise.all([
      db.units.toArray(),
      db.meetings.toArray(),
      db.members.toArray(),
      db.opinions.toArray(),
      db.meetingSummaries.toArray(),
      db.copyFindings.toArray(),
    ]);
    const liveUnits = new Map(units.filter((u) => !u.deletedAt).map((u) => [u.id, u.name]));
    const [byMeetingMembers, byMeetingOpinions] = [groupBy(members), groupBy(opinions)];
    const meetingOf = new Map(meetings.map((m) => [m.id, m]));
    // A summary a write left pending holds an earlier fingerprint: the data's own, computed here.
    const fingerprintOf = (s: MeetingSummary) => {
      const meeting = meetingOf.get(s.meetingId);
      return s.pending && meeting ? meetingView({ meeting, members: byMeetingMembers.get(s.meetingId) ?? [], opinions: byMeetingOpinions.get(s.meetingId) ?? [] }).fingerprint : s.fingerprint;
    };
    return {
      meetings: meetings.filter((m) => !m.deletedAt && liveUnits.has(m.unitId)),
      members: byMeetingMembers,
      opinions: byMeetingOpinions,
      findings: new Map(findings.map((f) => [f.meetingId, f])),
      fingerprints: new Map(summaries.map((s) => [s.meetingId, fingerprintOf(s)])),
      labels: countyLabels(members, liveUnits),
    };
  });
}

export interface CopyScanInput {
  /** Live, substantive opinions of every live meeting of every live unit. */
  candidates: CopyCandidate[];
  /** Each meeting's fingerprint when it was read: stored with the findings to tell when they are out of date. */
  fingerprints: Map<string, string>;
  labels: WarningLabels;
}

/** Reads everything a cross-unit scan compares. */
export async function loadCopyScanInput(db: WorkbenchDb): Promise<CopyScanInput> {
  const county = await readCounty(db);
  const live = new Set(county.meetings.map((m) => m.id));
  return {
    candidates: county.meetings.flatMap((m) => copyCandidates(m, county.opinions.get(m.id) ?? [])),
    fingerprints: new Map([...county.fingerprints].filter(([id]) => live.has(id))),
    labels: county.labels,
  };
}

/**
 * Replaces the findings of the previous scan: one row per scanned meeting (empty when nothing was
 * found, so "scanned, nothing found" differs from "never scanned"), and each summary's 疑似抄袭
 * count, in one transaction.
 */
export async function saveCopyFindings(db: WorkbenchDb, input: Pick<CopyScanInput, 'fingerprints'>, warnings: readonly MeetingWarning[], scannedOpinions: number): Promise<void> {
  const scannedAt = new Date().toISOString();
  const byMeeting = new Map<string, MeetingWarning[]>();
  for (const meetingId of input.fingerprints.keys()) byMeeting.set(meetingId, []);
  for (const w of warnings) byMeeting.get(w.a.meetingId)?.push(w);
  const rows: CopyFindingsRow[] = [...byMeeting].map(([meetingId, list]) => ({ meetingId, scannedAt, fingerprint: input.fingerprints.get(meetingId) ?? '', scannedOpinions, warnings: list }));
  await db.transaction('rw', db.copyFindings, db.meetingSummaries, async () => {
    await db.copyFindings.clear();
    await db.copyFindings.bulkPut(rows);
    const summaries = await db.meetingSummaries.toArray();
    // Only the 疑似抄袭 count depends on the findings: setting it equals recomputing the summary.
    await db.meetingSummaries.bulkPut(summaries.map((s) => ({ ...s, warnings: { ...s.warnings, 'cross-unit': byMeeting.get(s.meetingId)?.length ?? 0 } })));
  });
}

/** The findings of the last scan for one meeting, or undefined if never scanned. */
export function getCopyFindings(db: WorkbenchDb, meetingId: string): Promise<CopyFindingsRow | undefined> {
  return db.copyFindings.get(meetingId);
}

/** When the last scan ran and how many opinions it compared, or undefined. */
export async function lastCopyScan(db: WorkbenchDb): Promise<{ scannedAt: string; scannedOpinions: number } | undefined> {
  const row = await db.copyFindings.limit(1).first();
  return row ? { scannedAt: row.scannedAt, scannedOpinions: row.scannedOpinions } : undefined;
}

/**
 * Every warning of every live meeting, for the overview workbook: the 疑似抄袭 of the last scan and
 * those inside each meeting, computed from its opinions by the shared checks.
 */
export async function loadAllWarnings(db: WorkbenchDb): Promise<{ warnings: MeetingWarning[]; labels: WarningLabels; titles: Map<string, string> }> {
  const county = await readCounty(db);
  const warnings = county.meetings.flatMap((meeting) =>
    auditWarnings({ meeting, members: county.members.get(meeting.id) ?? [], opinions: county.opinions.get(meeting.id) ?? [] }, county.findings.get(meeting.id)?.warnings),
  );
  return { warnings, labels: county.labels, titles: new Map(county.meetings.map((m) => [m.id, meetingHeading(m)])) };
}
