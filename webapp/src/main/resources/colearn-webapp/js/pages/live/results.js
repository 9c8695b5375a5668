/**
 * The results the session's activities published (a poll's results, a café's harvest), for facilitators: listed from
 * the REST API and downloaded as Markdown or CSV with the person's token. The list is fetched again when an activity
 * publishes a result or its item ends.
 */
import * as api from '../../api.js';
import { h, hidden, replace } from '../../dom.js';
import { clock } from '../../format.js';
import * as status from '../../status.js';
import { note, say } from './commands.js';

const FORMATS = { md: 'Markdown', csv: 'CSV' };

export function resultsSection(sessionId) {
  const heading = h('h2', { id: 'results-heading', text: 'Results' });
  const list = h('div', { class: 'results__list' });
  const resultsNote = note();
  const section = h('section', { class: 'card results', 'aria-labelledby': 'results-heading' },
    heading,
    h('p', { class: 'hint', text: 'What the session\'s activities have kept, to download and share.' }),
    list,
    resultsNote);
  let asked = 0;

  async function refresh() {
    const mine = ++asked;
    let results;
    try {
      results = await api.get(`sessions/${sessionId}/results`);
    } catch (error) {
      if (mine === asked) say(resultsNote, `The results could not be listed: ${error.message}`);
      return;
    }
    if (mine !== asked) return; // a newer list is on its way
    say(resultsNote, '');
    const kept = list.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    replace(list, results.length
      ? h('ul', { class: 'results__items' }, results.map(item))
      : h('p', { text: 'Nothing yet: a poll\'s results or a café\'s harvest appear here when the activity keeps them.' }));
    if (kept) list.querySelector(`[data-focus-key="${CSS.escape(kept)}"]`)?.focus();
  }

  function item(result) {
    const downloads = result.formats.filter((format) => FORMATS[format]);
    return h('li', { class: 'results__item' },
      h('span', { class: 'results__title', text: result.title }),
      result.at ? h('span', { class: 'hint', text: ` kept at ${clock(result.at)}` }) : null,
      h('span', { class: 'results__downloads' }, downloads.map((format) => h('button', {
        type: 'button',
        class: 'button button--secondary',
        dataset: { focusKey: `${result.title}.${format}` },
        onclick: () => save(result, format),
      }, `Download ${FORMATS[format]}`, hidden(` of ${result.title}`)))));
  }

  async function save(result, format) {
    try {
      const name = await api.download(`sessions/${sessionId}/results/${result.seq}.${format}`, `result.${format}`);
      status.announce(`Downloaded ${name}.`);
    } catch (error) {
      say(resultsNote, `${result.title} could not be downloaded: ${error.message}`);
      status.announce(`${result.title} could not be downloaded.`, 'error');
    }
  }

  return { element: section, refresh };
}
