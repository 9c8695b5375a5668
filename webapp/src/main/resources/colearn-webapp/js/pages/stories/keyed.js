/**
 * The author's side of an anonymous story, opened with its edit key alone: its status and any note from a
 * facilitator, a follow-up ("what we changed as a result"), or withdrawing it. The key stays in this page's memory,
 * never in the address or the browser's storage.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { STATUSES, postedLine, warnAboutPatientData } from './words.js';

const HEADER = 'X-Edit-Key';

export async function keyedStoryPage(view) {
  const result = h('div');
  const keyForm = form('Open your anonymous story',
    field('key', 'Your edit key', { required: true, autocomplete: 'off', hint: 'The key you copied when you posted the story.' }),
    h('div', { class: 'actions' }, button('Open my story')));
  onSubmit(keyForm, async (values) => {
    const key = values.key ?? '';
    const story = await api.get('stories/by-key', { headers: { [HEADER]: key } });
    replace(result, authorView(story, key, result));
    status.announce(`Your story "${story.title}" is open. ${STATUSES[story.status]}.`);
  });
  replace(view,
    h('h1', { text: 'Your anonymous story' }),
    h('p', { class: 'lead', text: 'Open a story you posted anonymously with its edit key: see whether it is published, add what you changed as a result, or withdraw it.' }),
    keyForm,
    result);
  return { title: 'Your anonymous story' };
}

function authorView(story, key, place) {
  const headers = { [HEADER]: key };
  const confirm = field('confirmNotIdentifying', 'I confirm this is not identifying', { type: 'checkbox' });
  confirm.hidden = true;
  const followUpForm = form('Add what you changed as a result',
    field('body', 'What we changed as a result', { type: 'textarea', rows: 3, required: true }),
    confirm,
    h('div', { class: 'actions' }, button('Add follow-up')));
  onSubmit(followUpForm, async (values) => {
    let fresh;
    try {
      fresh = await api.post(`stories/${story.id}/follow-ups`, {
        body: values.body ?? '',
        confirmNotIdentifying: followUpForm.elements.namedItem('confirmNotIdentifying').checked,
      }, { headers });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'possible_patient_data') throw error;
      warnAboutPatientData(followUpForm, error, confirm, 'add it');
      return;
    }
    replace(place, authorView(fresh, key, place));
    status.announce('Your follow-up is saved: readers see it within ten minutes.');
  });
  const withdraw = h('button', { type: 'button', class: 'button button--danger', text: 'Withdraw the story',
    onclick: async () => {
      await api.del(`stories/${story.id}`, { headers });
      replace(place, h('p', { class: 'notice', text: 'Your story is withdrawn: it is deleted with its comments and reactions.' }));
      status.announce('Your story is withdrawn.');
    } });
  return h('section', { class: 'section', 'aria-labelledby': 'keyed-heading' },
    h('h2', { id: 'keyed-heading', text: story.title }),
    h('p', { class: 'meta', text: `${STATUSES[story.status]}. ${postedLine(story)}.` }),
    story.moderationNote ? h('p', { class: 'notice', text: `Note from the facilitator: ${story.moderationNote}` }) : null,
    story.status === 'published' ? h('p', {}, h('a', { href: `#/stories/${story.id}`, text: 'Read it as others see it' })) : null,
    story.followUps.map((f) => h('p', { class: 'story-text', text: `What we changed as a result: ${f.body}` })),
    h('div', { class: 'card subform' }, h('h3', { text: 'Add what you changed as a result' }), followUpForm),
    h('details', { class: 'section' }, h('summary', { text: 'Withdraw this story' }),
      h('p', { text: 'Withdrawing deletes the story, its follow-ups, comments and reactions. This cannot be undone.' }), withdraw));
}
