import { cleanLine } from '../text/normalize';

/**
 * How documents name a unit's leadership group: the unit's name with 领导班子, unless the name
 * already ends in 班子 (the form invites `…领导班子`, `…党组班子`).
 * `unitGroupName('某某局') === '某某局领导班子'`, `unitGroupName('某某局领导班子') === '某某局领导班子'`
 */
export function unitGroupName(unitName: string): string {
  const name = cleanLine(unitName);
  return /班子$/.test(name) ? name : `${name}领导班子`;
}
