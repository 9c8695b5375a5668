/** Human words for the server's codes, and dates written the British way. */

export const SITE_KINDS = {
  trust: 'NHS trust',
  health_board: 'Health board',
  gp_practice: 'GP practice',
  care_home: 'Care home',
  other: 'Other',
};

export const PROFESSIONS = {
  nurse: 'Nurse',
  doctor: 'Doctor',
  allied_health_professional: 'Allied health professional',
  manager: 'Manager',
  project_manager: 'Project manager',
  patient_representative: 'Patient representative',
  other: 'Other',
};

export const ROLES = {
  participant: 'Participant',
  site_lead: 'Site lead',
  facilitator: 'Facilitator',
};

export const MEMBER_STATUS = {
  active: 'Active',
  invited: 'Invited',
};

/** The activities a facilitator can plan; plugins may add others, which show by their id. */
export const ACTIVITY_TYPES = {
  plenary: 'Plenary',
  'world-cafe': 'World café',
  'buddy-meet': 'Buddy meet',
  'data-review': 'Data review',
  poll: 'Poll',
  'failure-circle': 'Failure story circle',
};

export const SESSION_STATUS = {
  scheduled: 'Not started',
  live: 'Live',
  ended: 'Ended',
};

/** The label of a code, or the code itself when this app does not know it yet. */
export function label(labels, code) {
  if (code === null || code === undefined) return '';
  return labels[code] ?? String(code).replaceAll('_', ' ');
}

/** Options for a select, from one of the label maps above. */
export function options(labels) {
  return Object.entries(labels).map(([value, text]) => ({ value, text }));
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "1 Sept 2026" for a date like 2026-09-01 (read as a calendar day, so no time zone can shift it). */
export function day(isoDate) {
  if (!isoDate) return '';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : DAY.format(date);
}

const MOMENT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** The local calendar day of an instant like 2026-09-01T09:30:00Z. */
export function dayOf(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant ?? '') : MOMENT.format(date);
}

const MOMENT_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Tue, 1 Dec 2026, 09:30" in the person's own time zone. */
export function dateTime(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant ?? '') : MOMENT_AND_TIME.format(date);
}

/** "09:30" in the person's own time zone. */
export function clock(instant) {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : CLOCK.format(date);
}

/** "45 minutes", "1 hour", "2 hours 30 minutes". */
export function minutes(total) {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (!hours) return plural(rest, 'minute', 'minutes');
  return rest ? `${plural(hours, 'hour', 'hours')} ${plural(rest, 'minute', 'minutes')}` : plural(hours, 'hour', 'hours');
}

/** "1 story", "3 stories"; `many` defaults to `one` with an s. */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Ben Carter and Chen Li", "Ann, Ben and Chen". */
export function names(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
