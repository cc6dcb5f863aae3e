// 100 distinctive provider names, for the privacy tests of the documents and the command line.
import { sampleContent } from './sample-content';

export const PROVIDER_NAMES = Array.from({ length: 100 }, (_, i) => `提出人甲${String(i + 1).padStart(3, '0')}`);

/** A package's content: one unit, one meeting of 10 members whose 109 opinions use the 100 names round robin. */
export function privacyContent() {
  return sampleContent({ units: 1, membersPerMeeting: 10, providers: PROVIDER_NAMES });
}
