/**
 * Whether an activity's own times fit the agenda item it runs in: a café of 2 rounds of 5 minutes in a 30-minute item,
 * or a 20-minute buddy meet in a 15-minute item, leaves the item's clock and the activity's apart.
 * An activity's settings say how long it takes by `rounds` and `roundMinutes`, or by `minutes`.
 */
import { minutes, plural } from '../../format.js';

/** How long the activity's settings take, and in which words, or null when they do not say. */
export function ownTime(config) {
  if (!config || typeof config !== 'object') return null;
  const { rounds, roundMinutes } = config;
  if (Number.isInteger(rounds) && Number.isInteger(roundMinutes) && rounds > 0 && roundMinutes > 0) {
    return { total: rounds * roundMinutes, words: `${plural(rounds, 'round', 'rounds')} of ${minutes(roundMinutes)} take ${minutes(rounds * roundMinutes)}` };
  }
  if (Number.isInteger(config.minutes) && config.minutes > 0) return { total: config.minutes, words: `its own time is ${minutes(config.minutes)}` };
  return null;
}

/** A warning for an item whose activity takes longer or shorter than the item, or null when they agree. */
export function timingWarning(item) {
  const own = ownTime(item?.config);
  if (!own || !Number.isInteger(item.plannedMinutes) || own.total === item.plannedMinutes) return null;
  const than = own.total > item.plannedMinutes ? 'more' : 'less';
  return `${item.title}: ${own.words}, ${than} than the ${minutes(item.plannedMinutes)} planned for the item. `
    + 'Change the item\'s minutes or the activity\'s settings so that its clocks agree.';
}
