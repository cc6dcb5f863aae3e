import type { Readiness } from '../../shared/checks/readiness';
import { meetingView, type MeetingView } from '../../shared/meeting/view';
import type { Meeting, Member, Opinion, Unit } from '../../shared/model/types';
import type { PackageContent } from '../../shared/package/format';
import { byUnitThenYear, type UnitMeetingKey } from '../../shared/supervision/overview';
import { groupBy } from '../../shared/util/group-by';

export interface PackageMeeting {
  unit: Unit;
  meeting: Meeting;
  /** The meeting's members and opinions, deleted ones included (the checks leave them out). */
  members: Member[];
  opinions: Opinion[];
  /** The shared view of the meeting: what every command reads. */
  view: MeetingView;
  readiness: Readiness;
}

/**
 * The live meetings of a package's content with their readiness (from the shared meeting view), in
 * unit display order, then by year (newest first). Members and opinions are grouped in one pass.
 */
export function meetingViews(content: PackageContent): PackageMeeting[] {
  const units = new Map(content.units.filter((u) => !u.deletedAt).map((u) => [u.id, u]));
  const members = groupBy(content.members, (m) => m.meetingId);
  const opinions = groupBy(content.opinions, (o) => o.meetingId);
  return content.meetings
    .filter((m) => !m.deletedAt && units.has(m.unitId))
    .map((meeting) => {
      const own = { members: members.get(meeting.id) ?? [], opinions: opinions.get(meeting.id) ?? [] };
      const view = meetingView({ meeting, ...own });
      return { unit: units.get(meeting.unitId)!, meeting, ...own, view, readiness: view.readiness };
    })
    .sort((a, b) => byUnitThenYear(key(a), key(b)));
}

function key(m: { unit: Unit; meeting: Meeting }): UnitMeetingKey {
  return { unitOrder: m.unit.order, unitName: m.unit.name, year: m.meeting.year, meetingId: m.meeting.id };
}
