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

/**
 * A member's unit and position as one line under the title of the member's list, without saying a
 * word twice: 班子 is not part of a post, and where the unit's name ends with the position's first
 * word (党组, 县委), it is written once.
 * `memberUnitTitle('中共某某县财政局党组', '党组书记、局长') === '中共某某县财政局党组书记、局长'`,
 * `memberUnitTitle('某某县交通运输局领导班子', '局长') === '某某县交通运输局局长'`
 */
export function memberUnitTitle(unitName: string, position: string): string {
  const unit = cleanLine(unitName).replace(/(领导)?班子$/, '');
  const post = cleanLine(position);
  for (let k = Math.min(unit.length, post.length); k >= 2; k--) {
    if (unit.endsWith(post.slice(0, k))) return `${unit}${post.slice(k)}`;
  }
  return `${unit}${post}`;
}
