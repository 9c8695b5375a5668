/**
 * One story: its answers and follow-ups, supportive reactions with their counts, comments (credited or anonymous),
 * and a way to report it. Anonymous stories and comments show no author and only their week.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, replace } from '../../dom.js';
import { options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { CREDITS, REACTIONS, STATUSES, creditLine, keyBox, postedLine, readersLine, warnAboutPatientData } from './words.js';

export async function storyPage(view, [storyId]) {
  const [story, comments] = await Promise.all([api.get(`stories/${storyId}`), api.get(`stories/${storyId}/comments`)]);
  const base = `collaboratives/${story.collaborativeId}`;
  const reactionBox = h('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' });
  const renderReactions = (counts, mine) => {
    replace(reactionBox, Object.entries(REACTIONS).map(([kind, text]) => {
      const pressed = mine.includes(kind);
      return h('button', {
        type: 'button',
        class: `button button--secondary reaction${pressed ? ' reaction--mine' : ''}`,
        'aria-pressed': pressed ? 'true' : 'false',
        text: `${text} (${counts[kind] ?? 0})`,
        onclick: async (event) => {
          try {
            const fresh = pressed ? await api.del(`stories/${storyId}/reactions/${kind}`) : await api.put(`stories/${storyId}/reactions/${kind}`, {});
            const nowMine = pressed ? mine.filter((k) => k !== kind) : [...mine, kind];
            renderReactions(fresh, nowMine);
            reactionBox.querySelector(`[data-kind="${kind}"]`)?.focus();
            status.announce(`${text}: ${fresh[kind]}. ${pressed ? 'Your reaction is taken back.' : 'Your reaction is added.'}`);
          } catch (error) {
            event.target.focus();
            status.announce(error.message, 'error');
          }
        },
        dataset: { kind },
      });
    }));
  };
  renderReactions(story.reactions, story.myReactions);

  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/stories`, text: 'Failure stories' })),
    h('h1', { text: story.title }),
    h('p', { class: 'meta' },
      story.faculty ? [h('span', { class: 'badge badge--faculty', text: 'Faculty story' }), ' '] : null,
      `${creditLine(story)}. ${postedLine(story)}.`),
    h('p', { class: 'meta', text: `Topic: ${story.topic}. Change idea: ${story.changeIdea}. ${readersLine(story)}` }),
    story.mine && story.credit !== 'nobody' ? h('p', {}, h('a', { href: `#/stories/${story.id}/edit`, text: 'Edit this story' })) : null,
    story.status !== 'published' ? h('p', { class: 'notice', text: `${STATUSES[story.status]}.${story.moderationNote ? ` Note from the facilitator: ${story.moderationNote}` : ''}` }) : null,
    story.status === 'published' && story.moderationNote ? h('p', { class: 'notice', text: `Note from the facilitator: ${story.moderationNote}` }) : null,
    answer('What we tried', story.whatWeTried),
    answer('What happened', story.whatHappened),
    answer('What we learned', story.whatWeLearned),
    answer('What we would do differently', story.whatWeWouldDoDifferently),
    story.followUps.map((followUp) => answer(`What we changed as a result (${postedLine(followUp).replace('Posted ', '')})`, followUp.body)),
    story.tags.length ? h('p', { class: 'meta', text: `Tags: ${story.tags.join(', ')}` }) : null,
    story.status === 'published' ? h('section', { class: 'section', 'aria-labelledby': 'reactions-heading' },
      h('h2', { id: 'reactions-heading', text: 'Say thank you' }), reactionBox) : null,
    story.status === 'published' ? commentsSection(storyId, comments) : null,
    story.status === 'published' ? reportSection(storyId) : null);
  return { title: story.title };
}

function answer(heading, text) {
  if (!text) return null;
  return h('section', { class: 'story-answer' }, h('h2', { text: heading }), h('p', { class: 'story-text', text }));
}

function commentsSection(storyId, initial) {
  const list = h('div', { class: 'comment-list' });
  const keyPlace = h('div');
  const render = (comments) => replace(list, comments.length
    ? h('ul', { class: 'comments', 'aria-label': 'Comments' }, comments.map((c) => h('li', { class: 'card comment' },
      h('p', { class: 'meta', text: `${creditLine(c)}. ${postedLine(c)}.` }),
      h('p', { class: 'story-text', text: c.body }))))
    : h('p', { class: 'empty', text: 'No comments yet.' }));
  render(initial);
  const confirm = field('confirmNotIdentifying', 'I confirm this is not identifying', { type: 'checkbox' });
  confirm.hidden = true;
  const commentForm = form('Add a comment',
    field('body', 'Your comment', { type: 'textarea', rows: 3, required: true }),
    field('credit', 'Who is it credited to?', { choices: options(CREDITS), value: 'person' }),
    confirm,
    h('div', { class: 'actions' }, button('Add comment')));
  onSubmit(commentForm, async (values) => {
    let created;
    try {
      created = await api.post(`stories/${storyId}/comments`, {
        body: values.body ?? '', credit: values.credit,
        confirmNotIdentifying: commentForm.elements.namedItem('confirmNotIdentifying').checked,
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'possible_patient_data') throw error;
      warnAboutPatientData(commentForm, error, confirm, 'add it');
      return;
    }
    commentForm.reset();
    confirm.hidden = true;
    render(await api.get(`stories/${storyId}/comments`));
    replace(keyPlace, created.editKey ? keyBox(created.editKey, copyLink, 'this comment') : null);
    status.announce(created.editKey ? 'Your anonymous comment is added. Copy its edit key now: it is shown only once.' : 'Your comment is added.');
  });
  return h('section', { class: 'section', 'aria-labelledby': 'comments-heading' },
    h('h2', { id: 'comments-heading', text: 'Comments' }), list, keyPlace,
    h('div', { class: 'card subform' }, h('h3', { text: 'Add a comment' }), commentForm));
}

function reportSection(storyId) {
  const reportForm = form('Report this story',
    field('reason', 'What is wrong with it?', { type: 'textarea', rows: 2, required: true,
      hint: 'Your report goes to the facilitators without your name.' }),
    h('div', { class: 'actions' }, button('Send report', { variant: 'button--secondary' })));
  onSubmit(reportForm, async (values) => {
    await api.post(`stories/${storyId}/reports`, { reason: values.reason ?? '' });
    reportForm.reset();
    status.announce('Thank you. Your report went to the facilitators.');
  });
  return h('details', { class: 'section report' }, h('summary', { text: 'Report this story' }), reportForm);
}
