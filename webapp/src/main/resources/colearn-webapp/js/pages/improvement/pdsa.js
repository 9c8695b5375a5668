/**
 * A site's PDSA log on its measure's page: each cycle's plan and prediction, what was done, what was learned against
 * the prediction and what the team decided, with dates that place it on the chart. A cycle that failed becomes a
 * failure story with one click: the catalogue's form opens filled from the cycle, with the usual credit and
 * visibility choices still to make.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { day, label, options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import { go } from '../../router.js';
import * as status from '../../status.js';
import { ACTS } from './words.js';

export async function pdsaSection(state, collaborative) {
  const base = `${state.base}/sites/${state.siteId}/pdsa`;
  const list = h('div', {});
  const editor = h('div', {});
  const render = async () => {
    const cycles = (await api.get(base)).filter((c) => !c.measureId || c.measureId === state.measureId);
    replace(list, cycles.length ? h('ol', { class: 'pdsa-log' }, cycles.map((c) => cycleItem(c))) : h('p', { class: 'empty', text: 'No PDSA cycles yet.' }));
  };
  const cycleItem = (c) => h('li', { class: 'card' },
    h('h3', { text: c.changeIdea }),
    h('dl', { class: 'facts' },
      stage(`Plan (${day(c.plannedOn)})`, `${c.plan} Prediction: ${c.prediction}`),
      c.done ? stage(`Do (${day(c.doneOn)})`, c.done) : null,
      c.study ? stage(`Study (${day(c.studiedOn)})`, c.study) : null,
      c.act ? stage(`Act (${day(c.actedOn)})`, `${label(ACTS, c.act)}${c.actNote ? `: ${c.actNote}` : ''}`) : null),
    state.mine ? h('div', { class: 'actions' },
      button(`Update ${c.changeIdea}`, { type: 'button', variant: 'button--secondary', onclick: () => openEditor(c) }),
      button(`This failed: write a failure story about ${c.changeIdea}`, { type: 'button', variant: 'button--secondary', onclick: () => failureStory(c) })) : null);

  function openEditor(cycle) {
    replace(editor, cycleForm(cycle));
    editor.querySelector('input, textarea')?.focus();
  }

  function cycleForm(cycle) {
    const v = cycle ?? {};
    const f = form(cycle ? `Update ${cycle.changeIdea}` : 'Log a PDSA cycle',
      h('div', { class: 'grid' },
        field('changeIdea', 'Change idea', { required: true, value: v.changeIdea ?? '' }),
        field('plannedOn', 'Planned on', { type: 'date', required: true, value: v.plannedOn ?? '' })),
      field('plan', 'Plan: what you will try', { type: 'textarea', rows: 2, required: true, wide: true, value: v.plan ?? '' }),
      field('prediction', 'Prediction: what you expect to happen', { type: 'textarea', rows: 2, required: true, wide: true, value: v.prediction ?? '' }),
      h('div', { class: 'grid' },
        field('done', 'Do: what was done', { type: 'textarea', rows: 2, value: v.done ?? '' }),
        field('doneOn', 'Done on', { type: 'date', value: v.doneOn ?? '' }),
        field('study', 'Study: what happened against the prediction', { type: 'textarea', rows: 2, value: v.study ?? '' }),
        field('studiedOn', 'Studied on', { type: 'date', value: v.studiedOn ?? '' }),
        field('act', 'Act: what you decided', { choices: options(ACTS), placeholder: 'Not yet', value: v.act ?? '' }),
        field('actedOn', 'Decided on', { type: 'date', value: v.actedOn ?? '' })),
      field('actNote', 'Why (optional)', { type: 'textarea', rows: 2, wide: true, value: v.actNote ?? '' }),
      h('div', { class: 'actions' }, button(cycle ? 'Save the cycle' : 'Log the cycle')));
    onSubmit(f, async (values) => {
      const body = { ...values, measureId: state.measureId };
      if (cycle) await api.put(`${base}/${cycle.id}`, body);
      else await api.post(base, body);
      replace(editor, cycleForm(null));
      await render();
      await state.refresh(`${values.changeIdea} is in the PDSA log and on the chart.`);
    });
    return h('div', { class: 'card' }, f);
  }

  /** Starts a story draft from the cycle and opens the story form on it. */
  async function failureStory(c) {
    await api.post(`${state.base}/story-drafts`, { content: {
      title: `${c.changeIdea}: what did not work`,
      topic: collaborative.topic ?? '',
      changeIdea: c.changeIdea,
      whatWeTried: [c.plan, c.done].filter(Boolean).join('\n'),
      whatHappened: [`We predicted: ${c.prediction}`, c.study].filter(Boolean).join('\n'),
      whatWeLearned: c.actNote ?? '',
      whatWeWouldDoDifferently: '',
    } });
    status.announce('A failure story is started from the cycle; choose who it is credited to and who reads it.');
    go(`/${state.base}/stories/new`);
  }

  await render();
  if (state.mine) replace(editor, cycleForm(null));
  return h('section', { class: 'section', 'aria-labelledby': 'pdsa-heading' },
    h('h2', { id: 'pdsa-heading', text: `PDSA log of ${state.siteName}` }),
    list, editor);
}

function stage(term, text) {
  return h('div', {}, h('dt', { text: term }), h('dd', { text }));
}
