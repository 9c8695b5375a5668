/**
 * Editing a credited story by its author: the same questions, who reads it (narrower or wider, the author's choice
 * alone), and the patient-data warning. A story for the collaborative or wider then waits for approval again.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { h, replace } from '../../dom.js';
import { options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import { go } from '../../router.js';
import { VISIBILITIES, warnAboutPatientData } from './words.js';
import { fill, storyBody, storyTextFields } from './write.js';

export async function editStoryPage(view, [storyId]) {
  const story = await api.get(`stories/${storyId}`);
  const base = `collaboratives/${story.collaborativeId}`;
  const [collaborative, sessions] = await Promise.all([api.get(base), api.get(`${base}/sessions`)]);
  const confirm = field('confirmNotIdentifying', 'I confirm this is not identifying', { type: 'checkbox' });
  confirm.hidden = true;
  const sessionField = field('sessionId', 'Which learning session', {
    choices: sessions.map((s) => ({ value: s.id, text: s.title })), placeholder: 'Choose a session', value: story.sessionId ?? '' });
  const editForm = form('Edit your story',
    storyTextFields(story.topic),
    field('visibility', 'Who can read it?', { choices: options(VISIBILITIES), value: story.visibility }),
    sessionField,
    collaborative.myRole === 'facilitator' && story.credit === 'person'
      ? field('faculty', 'Mark it as a faculty story', { type: 'checkbox', checked: story.faculty }) : null,
    confirm,
    h('div', { class: 'actions' }, button('Save changes'), h('a', { href: `#/stories/${storyId}`, text: 'Cancel' })));
  fill(editForm, { ...story, tags: story.tags.join(', ') });
  const visibility = editForm.elements.namedItem('visibility');
  const showSession = () => { sessionField.hidden = visibility.value !== 'session'; };
  showSession();
  visibility.addEventListener('change', showSession);
  onSubmit(editForm, async (values) => {
    const body = storyBody(values, editForm);
    delete body.credit;
    let saved;
    try {
      saved = await api.put(`stories/${storyId}`, body);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'possible_patient_data') throw error;
      warnAboutPatientData(editForm, error, confirm, 'save it');
      return;
    }
    go(`/stories/${storyId}`, saved.status === 'pending'
      ? 'Your changes are saved. A facilitator will approve the story again before others read it.'
      : 'Your changes are saved.');
  });
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/stories/${storyId}`, text: story.title })),
    h('h1', { text: 'Edit your story' }),
    editForm);
  return { title: 'Edit your story' };
}
