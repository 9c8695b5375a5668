/**
 * The catalogue of failure stories: search over their text and tags, filters by topic, change idea, site, kind and
 * tag, a card per story, and the shown stories as a Markdown file.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as session from '../../session.js';
import * as status from '../../status.js';
import { REACTIONS, STATUSES, creditLine, postedLine } from './words.js';

const KINDS = [{ value: 'faculty', text: 'Faculty stories' }, { value: 'peer', text: 'Stories from teams' }];

export async function cataloguePage(view, [collaborativeId], query) {
  const base = `collaboratives/${collaborativeId}`;
  const [collaborative, facets] = await Promise.all([api.get(base), api.get(`${base}/stories/facets`)]);
  const waiting = collaborative.myRole === 'facilitator' ? (await api.get(`${base}/stories/moderation`)).length : 0;
  const filters = Object.fromEntries(['q', 'topic', 'changeIdea', 'siteId', 'kind', 'tag']
    .filter((key) => query.get(key)).map((key) => [key, query.get(key)]));
  const list = h('div', { class: 'story-results' });
  let shown = [];

  const choose = (values) => values.map((value) => ({ value, text: value }));
  const searchForm = form(
    'Search the stories',
    field('q', 'Search stories', { type: 'search', value: filters.q, hint: 'Words from any part of a story, or its tags.' }),
    h('div', { class: 'grid' },
      field('topic', 'Topic', { choices: choose(facets.topics), placeholder: 'Any topic', value: filters.topic ?? '' }),
      field('changeIdea', 'Change idea', { choices: choose(facets.changeIdeas), placeholder: 'Any change idea', value: filters.changeIdea ?? '' }),
      field('siteId', 'Site', { choices: facets.sites.map((s) => ({ value: s.id, text: s.name })), placeholder: 'Any site', value: filters.siteId ?? '' }),
      field('kind', 'Kind', { choices: KINDS, placeholder: 'Any kind', value: filters.kind ?? '' }),
      field('tag', 'Tag', { choices: choose(facets.tags), placeholder: 'Any tag', value: filters.tag ?? '' })),
    h('div', { class: 'actions' }, button('Search')),
  );

  const load = async (wanted, announce) => {
    shown = await api.get(`${base}/stories`, { query: wanted });
    replace(list,
      h('h2', { id: 'results-heading', text: shown.length === 1 ? '1 story' : `${shown.length} stories` }),
      shown.length
        ? h('ul', { class: 'story-list', 'aria-labelledby': 'results-heading' }, shown.map(card))
        : h('p', { class: 'empty', text: Object.values(wanted ?? {}).some(Boolean)
          ? 'No story matches. Try fewer words or another filter.'
          : 'No stories yet. Share the first one: what did not work, and what your team learned.' }),
      shown.length ? h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button button--secondary', text: 'Download these as Markdown', onclick: () => download(base, shown) })) : null);
    if (announce) status.announce(shown.length === 1 ? '1 story found.' : `${shown.length} stories found.`);
  };
  onSubmit(searchForm, async (values) => {
    const wanted = Object.fromEntries(Object.entries(values).filter(([, value]) => value));
    await load(wanted, true);
  });
  await load(filters, false);

  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}`, text: collaborative.name })),
    h('h1', { text: 'Failure stories' }),
    h('p', { class: 'lead', text: 'What did not work, and what teams learned from it. Tell us where you have failed so that others can learn from it.' }),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/${base}/stories/new`, text: 'Share a failure story' }),
      collaborative.myRole === 'facilitator'
        ? h('a', { class: 'button button--secondary', href: `#/${base}/stories/moderation`, text: `Stories to moderate (${waiting})` })
        : null,
      h('a', { href: '#/my-anonymous-story', text: 'Open a story you posted anonymously' })),
    h('section', { class: 'section', 'aria-labelledby': 'search-heading' }, h('h2', { id: 'search-heading', text: 'Search' }), searchForm),
    list);
  return { title: 'Failure stories' };
}

function card(story) {
  const reactions = Object.entries(story.reactions)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${REACTIONS[kind] ?? kind}: ${count}`)
    .join(' · ');
  return h('li', { class: 'card story-card' },
    h('h3', { class: 'story-card__title' }, h('a', { href: `#/stories/${story.id}`, text: story.title })),
    h('p', { class: 'meta' },
      story.faculty ? h('span', { class: 'badge badge--faculty', text: 'Faculty story' }) : null, story.faculty ? ' ' : null,
      story.status !== 'published' ? h('span', { class: 'badge badge--invited', text: STATUSES[story.status] }) : null, story.status !== 'published' ? ' ' : null,
      `${creditLine(story)}. ${postedLine(story)}.`),
    h('p', { class: 'meta', text: `${story.topic} · ${story.changeIdea}${story.tags.length ? ` · Tags: ${story.tags.join(', ')}` : ''}` }),
    h('p', { text: story.whatWeLearned }),
    reactions ? h('p', { class: 'meta', text: reactions }) : null);
}

/** Fetches the export (a plain link would not say it comes from Colearn's pages) and saves it as a file. */
async function download(base, stories) {
  const query = new URLSearchParams(stories.map((story) => ['id', story.id]));
  let name;
  try {
    name = await api.download(`${base}/stories/export.md?${query}`, 'failure-stories.md');
  } catch {
    status.announce('The stories could not be downloaded. Try again.', 'error');
    return;
  }
  status.announce(`${stories.length === 1 ? '1 story' : `${stories.length} stories`} saved as ${name}.`);
}
