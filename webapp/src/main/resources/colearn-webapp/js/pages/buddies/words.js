/** Shared words of the buddy pages: names of pairs, statuses and score parts as people read them. */

export const PAIR_STATUS = {
  proposed: 'Proposed (not published)',
  published: 'Waiting for the site leads',
  active: 'Active',
  declined: 'Declined',
};

export const PURPOSES = {
  support: 'Support: to help each other improve',
  assurance: 'Assurance: to check against a standard',
};

/** "Ashford and Bromley", "Ashford, Bromley and Canterbury". */
export function pairName(sites) {
  const names = sites.map((s) => s.name);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The score parts in words: "mutual learning 30, closeness 23, similar stage 20, new pair 15". */
export function partsText(parts) {
  return `mutual learning ${parts.mutuality}, closeness ${parts.locality}, similar stage ${parts.stage}, new pair ${parts.freshness}`;
}

/** A pair's status, with "quiet" added gently when nobody has checked in for a while. */
export function statusText(pair) {
  const text = PAIR_STATUS[pair.status] ?? pair.status;
  return pair.quiet ? `${text}, quiet lately` : text;
}
