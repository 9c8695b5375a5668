/**
 * The facilitators' queue: stories waiting for approval and reported stories and comments, each with its reports;
 * approve, remove a passage, or hide, with a reason the author will read.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { STATUSES, VISIBILITIES, creditLine, postedLine } from './words.js';

export async function moderationPage(view, [collaborativeId]) {
  const base = `collaboratives/${collaborativeId}`;
  const list = h('div');
  const refresh = async (focusHeading) => {
    const queue = await api.get(`${base}/stories/moderation`);
    replace(list, queue.length
      ? h('ul', { class: 'story-list', 'aria-label': 'Stories to moderate' }, queue.map((item) => entry(item, refresh)))
      : h('p', { class: 'empty', text: 'Nothing to moderate: no story is waiting and nothing is reported.' }));
    if (focusHeading) view.querySelector('h1')?.focus();
  };
  await refresh(false);
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/stories`, text: 'Failure stories' })),
    h('h1', { text: 'Stories to moderate' }),
    h('p', { class: 'lead', text: 'Stories for the whole collaborative or the server wait for your approval. Hide a story or comment only with a reason: its author reads it.' }),
    list);
  return { title: 'Stories to moderate' };
}

function entry(item, refresh) {
  const story = item.story;
  const headingId = `queue-${story.id}`;
  const approve = story.status === 'pending'
    ? h('button', { type: 'button', class: 'button', text: 'Approve', 'aria-describedby': headingId,
      onclick: async () => {
        await api.post(`stories/${story.id}/moderation`, { action: 'approve' });
        await refresh(true);
        status.announce(`"${story.title}" is approved and published.`);
      } })
    : null;
  const hideForm = form(`Hide "${story.title}"`,
    field('reason', 'Reason the author will read', { type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions' }, button('Hide story', { variant: 'button--danger' })));
  onSubmit(hideForm, async (values) => {
    await api.post(`stories/${story.id}/moderation`, { action: 'hide', reason: values.reason ?? '' });
    await refresh(true);
    status.announce(`"${story.title}" is hidden. Its author can read your reason.`);
  });
  const redactForm = form(`Remove a passage from "${story.title}"`,
    field('passage', 'Exact words to remove', { required: true, hint: 'Every place they occur becomes [removed].' }),
    field('reason', 'Reason the author will read', { type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions' }, button('Remove passage', { variant: 'button--secondary' })));
  onSubmit(redactForm, async (values) => {
    await api.post(`stories/${story.id}/moderation`, { action: 'redact', reason: values.reason ?? '', passages: values.passage ? [values.passage] : [] });
    await refresh(true);
    status.announce(`The passage is removed from "${story.title}". Its author can read your reason.`);
  });
  return h('li', { class: 'card story-card' },
    h('h2', { class: 'story-card__title', id: headingId }, h('a', { href: `#/stories/${story.id}`, text: story.title })),
    h('p', { class: 'meta', text: `${STATUSES[story.status]}. ${creditLine(story)}. ${postedLine(story)}. Readers: ${VISIBILITIES[story.visibility]}.` }),
    h('p', { text: story.whatHappened }),
    item.reports.length ? h('div', {}, h('h3', { text: 'Reports' }),
      h('ul', {}, item.reports.map((report) => h('li', { text: report.commentId ? `On a comment: ${report.reason}` : report.reason })))) : null,
    item.reportedComments.map((comment) => reportedComment(story, comment, refresh)),
    h('div', { class: 'actions' }, approve),
    h('details', {}, h('summary', { text: 'Remove a passage' }), redactForm),
    h('details', {}, h('summary', { text: 'Hide this story' }), hideForm));
}

function reportedComment(story, comment, refresh) {
  const hideForm = form('Hide this comment',
    field('reason', 'Reason the comment’s author will read', { type: 'textarea', rows: 2, required: true }),
    h('div', { class: 'actions' }, button('Hide comment', { variant: 'button--danger' })));
  onSubmit(hideForm, async (values) => {
    await api.post(`stories/${story.id}/moderation/comments/${comment.id}`, { action: 'hide', reason: values.reason ?? '' });
    await refresh(true);
    status.announce('The comment is hidden.');
  });
  return h('div', { class: 'card subform' },
    h('h3', { text: 'Reported comment' }),
    h('p', { class: 'meta', text: `${creditLine(comment)}. ${postedLine(comment)}.` }),
    h('p', { class: 'story-text', text: comment.body }),
    h('details', {}, h('summary', { text: 'Hide this comment' }), hideForm));
}
