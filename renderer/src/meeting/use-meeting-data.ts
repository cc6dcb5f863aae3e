import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { OpinionFlags } from '../../../shared/checks/opinion-flags';
import type { Readiness } from '../../../shared/checks/readiness';
import { meetingView, type MeetingView } from '../../../shared/meeting/view';
import type { Meeting, Member, Opinion, Unit } from '../../../shared/model/types';
import { useWorkbench } from '../app/workbench-context';

export interface MeetingData {
  meeting: Meeting;
  unit: Unit | undefined;
  members: Member[];
  opinions: Opinion[];
  readiness: Readiness;
  flags: Map<string, OpinionFlags>;
  /** Target id → `张三（副县长）` / `领导班子`. */
  targetLabels: Map<string, string>;
  /** The targets opinions may be entered for: the group, then members in rank order. */
  targets: Array<{ id: string; label: string }>;
  /** The shared view everything above comes from (warnings and fingerprint on first use). */
  view: MeetingView;
}

/**
 * One meeting's data, kept live: the meeting, its roster and its opinions (one indexed read of a
 * few hundred rows), with the readiness and the per-opinion flags from the shared checks.
 * `null` when the meeting does not exist; `undefined` while loading.
 */
export function useMeetingData(meetingId: string): MeetingData | null | undefined {
  const { repos } = useWorkbench();
  const raw = useLiveQuery(async () => {
    const meeting = await repos.getLiveMeeting(meetingId);
    if (!meeting) return null;
    const [unit, members, opinions] = await Promise.all([repos.getUnit(meeting.unitId), repos.listMembers(meetingId), repos.listOpinions(meetingId)]);
    return { meeting, unit, members, opinions };
  }, [repos, meetingId]);

  return useMemo(() => {
    if (raw === undefined || raw === null) return raw;
    const view = meetingView(raw);
    const targets = view.targets.map((t) => ({ id: t.id, label: t.label }));
    return { ...raw, view, readiness: view.readiness, flags: view.flags, targets, targetLabels: view.labels };
  }, [raw]);
}
