import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { verdictFingerprint } from '#shared/supervision/fingerprint';
import { useWorkbench } from '../app/workbench-context';
import { useMeeting } from './meeting-context';

/**
 * What a verdict on the meeting would judge right now (verdictFingerprint): the view's opinions
 * fingerprint with the live talks, materials and 会前准备 record, kept live. `undefined` while those
 * records load. The cross-unit copy findings compare with `view.fingerprint` instead (opinions only).
 */
export function useVerdictFingerprint(): string | undefined {
  const { meeting, view } = useMeeting();
  const { repos } = useWorkbench();
  // Wrapped: a meeting without pre-meeting records gives undefined, which useLiveQuery means as "loading".
  const preMeeting = useLiveQuery(async () => ({ fingerprint: await repos.loadPreMeetingFingerprint(meeting.id) }), [repos, meeting.id]);
  return useMemo(() => preMeeting && verdictFingerprint({ fingerprint: view.fingerprint, preMeetingFingerprint: preMeeting.fingerprint }), [preMeeting, view]);
}
