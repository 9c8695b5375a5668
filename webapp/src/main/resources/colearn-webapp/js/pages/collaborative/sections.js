/**
 * The collaborative's page in sections (Sessions, People and sites, Stories, Buddies), one shown at a time behind a row
 * of tabs. The section shown is in the address (`#/collaboratives/<id>?section=people`), so that a link opens it and
 * the Back button returns to the one shown before; the first section's address has no `section`.
 */
import * as router from '../../router.js';
import { panelTabs } from '../live/tabs.js';

/** The sections by key, in the order of their tabs. */
export const SECTIONS = {
  sessions: 'Sessions',
  people: 'People and sites',
  stories: 'Stories',
  buddies: 'Buddies',
};

/** The address of one section of a collaborative's page. */
export function sectionHref(base, key) {
  return key === 'sessions' ? `#/${base}` : `#/${base}?section=${key}`;
}

/**
 * `contents` maps each key of SECTIONS to its elements; `query` is the page's query as it opened. Returns the element
 * holding the tabs and their panels.
 */
export function collaborativeSections(base, contents, query) {
  const tabs = panelTabs('Sections of this collaborative', Object.entries(SECTIONS).map(([key, label]) => ({
    key, label, content: contents[key],
  })));
  tabs.element.classList.add('collab-sections');
  tabs.enable(true);
  const chosen = (params) => (params.get('section') in SECTIONS ? params.get('section') : 'sessions');
  tabs.select(chosen(query));
  // A tab chosen on the page goes into the address (a new history entry); an address changed by a link or the Back
  // button chooses its tab. The tab keeps the keyboard focus either way.
  tabs.onSelect((key) => {
    if (chosen(router.current().query) !== key) location.hash = sectionHref(base, key);
  });
  router.onQueryChange((params) => tabs.select(chosen(params)));
  return tabs.element;
}
