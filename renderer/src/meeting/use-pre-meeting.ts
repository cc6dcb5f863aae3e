import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { preMeetingReview, type PreMeetingReview } from '#shared/supervision/pre-meeting-review';
import { useWorkbench } from '../app/workbench-context';
import { useMeeting } from './meeting-context';

/**
 * The meeting's pre-meeting check (谈心谈话 coverage, material reviews, the 会前准备 checklist), kept
 * live: the records are read through the repositories and the review computed by the shared rule.
 * `undefined` while loading.
 */
export function usePreMeeting(): PreMeetingReview | undefined {
  const data = useMeeting();
  const { repos } = useWorkbench();
  const raw = useLiveQuery(() => repos.loadPreMeeting(data.meeting.id), [repos, data.meeting.id]);
  return useMemo(
    () => (raw ? preMeetingReview({ meeting: data.meeting, members: data.members, readiness: data.readiness, opinions: data.opinions, flags: data.flags, ...raw }) : undefined),
    [raw, data],
  );
}
