// The meeting layer: one provider loads a meeting's records through the repositories and hands out
// its view (shared/meeting/view.ts); every tab reads it with useMeeting() and none reads another.
import { createContext, useContext, type ReactNode } from 'react';
import type { MeetingData } from './use-meeting-data';

const MeetingContext = createContext<MeetingData | undefined>(undefined);

/** Hands a loaded meeting to the tabs below. */
export function MeetingProvider({ data, children }: { data: MeetingData; children: ReactNode }) {
  return <MeetingContext.Provider value={data}>{children}</MeetingContext.Provider>;
}

/** The meeting on screen: its records and its view, kept live. */
export function useMeeting(): MeetingData {
  const value = useContext(MeetingContext);
  if (!value) throw new Error('useMeeting outside MeetingProvider');
  return value;
}
