import { useMemo } from 'react';
import { prepareMeetingDocs, type MeetingDocs } from '#shared/documents/meeting-docs';
import type { MeetingData } from './use-meeting-data';

/** The meeting prepared for its documents (targets, readiness, flags), on demand. */
export function meetingDocs(data: Pick<MeetingData, 'unit' | 'meeting' | 'members' | 'opinions' | 'view'>): MeetingDocs {
  return prepareMeetingDocs({ unit: data.unit ?? { name: '未知单位', shortName: '' }, meeting: data.meeting, members: data.members, opinions: data.opinions }, data.view);
}

/** The same, recomputed when the data changes. */
export function useMeetingDocs(data: MeetingData): MeetingDocs {
  const { unit, meeting, members, opinions, view } = data;
  return useMemo(() => meetingDocs({ unit, meeting, members, opinions, view }), [unit, meeting, members, opinions, view]);
}
