/**
 * The guided story form: short questions, a draft saved as the person types, the patient-data warning in words
 * beside the fields it concerns with an "I confirm" box, and for an anonymous story the edit key, shown once.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, replace } from '../../dom.js';
import { options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import { go, onLeave } from '../../router.js';
import * as status from '../../status.js';
import { CREDITS, VISIBILITIES, keyBox, warnAboutPatientData } from './words.js';

const SAVE_AFTER_MS = 1200;
const TEXTS = ['title', 'topic', 'changeIdea', 'whatWeTried', 'whatHappened', 'whatWeLearned', 'whatWeWouldDoDifferently', 'tags'];

export async function writeStoryPage(view, [collaborativeId], query) {
  const base = `collaboratives/${collaborativeId}`;
  // A link may choose who reads it, as a pair's space does with ?visibility=pair; the person can still change it.
  const chosen = query?.get('visibility');
  const visibility = Object.hasOwn(VISIBILITIES, chosen ?? '') ? chosen : null;
  const [collaborative, sessions, drafts] = await Promise.all([
    api.get(base), api.get(`${base}/sessions`), api.get(`${base}/story-drafts`),
  ]);
  const facilitator = collaborative.myRole === 'facilitator';
  let draft = drafts[0] ?? null;
  const saved = h('p', { class: 'hint draft-state', role: 'status', text: draft ? 'Your draft is back, as you left it.' : '' });
  const confirm = field('confirmNotIdentifying', 'I confirm this is not identifying', { type: 'checkbox',
    hint: 'Tick this only if what was pointed out cannot identify a patient (a date of a meeting, a ward’s postcode).' });
  confirm.hidden = true;
  const sessionField = field('sessionId', 'Which learning session', { choices: sessions.map((s) => ({ value: s.id, text: s.title })), placeholder: 'Choose a session' });
  const storyForm = form(
    'Share a failure story',
    storyTextFields(collaborative.topic),
    h('div', { class: 'grid' },
      field('credit', 'Who is it credited to?', { choices: options(CREDITS), value: 'person',
        hint: 'Anonymous stories keep no trace of who wrote them, anywhere; their time is kept only to the week.' }),
      field('visibility', 'Who can read it?', { choices: options(VISIBILITIES), value: visibility ?? 'pair',
        hint: 'Only you can widen this later. A facilitator can never widen it.' })),
    sessionField,
    facilitator ? field('faculty', 'Mark it as a faculty story (credited to you by name)', { type: 'checkbox' }) : null,
    confirm,
    saved,
    h('div', { class: 'actions' }, button('Post the story'), h('a', { href: `#/${base}/stories`, text: 'Back to the stories' })),
  );
  const control = (name) => storyForm.elements.namedItem(name);
  const showSession = () => { sessionField.hidden = control('visibility').value !== 'session'; };
  if (draft) fill(storyForm, draft.content);
  if (visibility) control('visibility').value = visibility;
  showSession();
  control('visibility').addEventListener('change', showSession);

  // Autosave: one save at a time, the last change always saved.
  let timer = 0;
  let saving = Promise.resolve();
  const save = () => {
    saving = saving.then(async () => {
      const content = contentOf(storyForm);
      try {
        draft = draft
          ? await api.put(`${base}/story-drafts/${draft.id}`, { content })
          : await api.post(`${base}/story-drafts`, { content });
        saved.textContent = `Draft saved at ${new Date(draft.savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}. Only you can see it.`;
      } catch {
        saved.textContent = 'Your draft could not be saved just now; it will be tried again as you type.';
      }
    });
  };
  storyForm.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  });
  onLeave(() => clearTimeout(timer));

  onSubmit(storyForm, async (values) => {
    clearTimeout(timer);
    await saving;
    const body = storyBody(values, storyForm);
    if (draft) body.draftId = draft.id;
    let created;
    try {
      created = await api.post(`${base}/stories`, body);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'possible_patient_data') throw error;
      warnAboutPatientData(storyForm, error, confirm, 'post it');
      return;
    }
    const story = created.item;
    if (!created.editKey) {
      go(`/stories/${story.id}`, story.status === 'pending'
        ? 'Your story is posted. A facilitator will approve it before others can read it.'
        : 'Your story is posted.');
      return;
    }
    replace(view,
      h('h1', { text: 'Your anonymous story is posted' }),
      h('p', { text: 'It carries no name, no site and only the week it was written in. It reaches the catalogue within ten'
        + ' minutes, at a random moment among other anonymous stories, so that nothing stored sits beside what you do now.'
        + (story.visibility === 'collaborative' || story.visibility === 'server'
          ? ' A facilitator will then approve it before others can read it.' : '') }),
      keyBox(created.editKey, copyLink, 'this story'),
      h('p', {}, story.status === 'published' ? [h('a', { href: `#/stories/${story.id}`, text: 'Read your story' }), ' · '] : null,
        h('a', { href: '#/my-anonymous-story', text: 'Open it with your key later' }), ' · ',
        h('a', { href: `#/${base}/stories`, text: 'Back to the stories' })));
    view.querySelector('h1').tabIndex = -1;
    view.querySelector('h1').focus();
    status.announce('Your anonymous story is posted. Copy your edit key now: it is shown only once.');
  });

  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/stories`, text: 'Failure stories' })),
    h('h1', { text: 'Share a failure story' }),
    h('p', { class: 'lead', text: 'What did not work, and what you learned from it. A few lines for each question are enough; your draft is saved as you type.' }),
    storyForm);
  return { title: 'Share a failure story' };
}

/** The questions of a story, the same when it is written and when it is edited. */
export function storyTextFields(topic) {
  return [
    field('title', 'Title', { required: true, hint: 'One line: what did not work?' }),
    h('div', { class: 'grid' },
      field('topic', 'Topic', { required: true, value: topic }),
      field('changeIdea', 'The change idea it concerns', { required: true, hint: 'Such as "screening at triage".' })),
    field('whatWeTried', 'What we tried', { type: 'textarea', required: true, rows: 3 }),
    field('whatHappened', 'What happened', { type: 'textarea', required: true, rows: 3 }),
    field('whatWeLearned', 'What we learned', { type: 'textarea', required: true, rows: 3 }),
    field('whatWeWouldDoDifferently', 'What we would do differently (optional)', { type: 'textarea', rows: 3 }),
    field('tags', 'Tags (optional)', { hint: 'Separate them with commas, such as: night shift, handover.' }),
  ];
}

function contentOf(formElement) {
  const content = {};
  for (const name of [...TEXTS, 'credit', 'visibility', 'sessionId']) {
    const control = formElement.elements.namedItem(name);
    if (control) content[name] = control.value;
  }
  return content;
}

export function fill(formElement, content) {
  for (const [name, value] of Object.entries(content ?? {})) {
    const control = formElement.elements.namedItem(name);
    if (control && typeof value === 'string' && control.type !== 'checkbox') control.value = value;
  }
}

export function storyBody(values, formElement) {
  return {
    title: values.title ?? '',
    topic: values.topic ?? '',
    changeIdea: values.changeIdea ?? '',
    whatWeTried: values.whatWeTried ?? '',
    whatHappened: values.whatHappened ?? '',
    whatWeLearned: values.whatWeLearned ?? '',
    whatWeWouldDoDifferently: values.whatWeWouldDoDifferently ?? '',
    tags: (values.tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
    credit: values.credit,
    visibility: values.visibility,
    sessionId: values.visibility === 'session' ? values.sessionId : null,
    faculty: formElement.elements.namedItem('faculty')?.checked ?? false,
    confirmNotIdentifying: formElement.elements.namedItem('confirmNotIdentifying').checked,
  };
}
