import { useMemo } from 'react';
import { prepareMeetingDocs, type MeetingDocs } from '../../../../shared/documents/meeting-docs';
import type { MeetingData } from '../meetings/use-meeting-data';

/** The meeting prepared for its documents (targets, readiness, flags), recomputed when the data changes. */
export function useMeetingDocs(data: MeetingData): MeetingDocs {
  return useMemo(
    () =>
      prepareMeetingDocs({
        unit: data.unit ?? { name: '未知单位', shortName: '' },
        meeting: data.meeting,
        members: data.members,
        opinions: data.opinions,
      }),
    [data.unit, data.meeting, data.members, data.opinions],
  );
}
