/**
 * The facilitators' queue: stories waiting for approval and reported stories and comments, each with its reports;
 * approve, remove a passage, or hide, with a reason the author will read. A story just approved can go straight into
 * a failure-story circle running now in one of the collaborative's sessions.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { STATUSES, creditLine, postedLine, readersLine } from './words.js';

export async function moderationPage(view, [collaborativeId]) {
  const base = `collaboratives/${collaborativeId}`;
  const list = h('div');
  const justApproved = h('div');
  const refresh = async (focusHeading) => {
    const queue = await api.get(`${base}/stories/moderation`);
    replace(list, queue.length
      ? h('ul', { class: 'story-list', 'aria-label': 'Stories to moderate' }, queue.map((item) => entry(item, refresh, approved)))
      : h('p', { class: 'empty', text: 'Nothing to moderate: no story is waiting and nothing is reported.' }));
    if (focusHeading) view.querySelector('h1')?.focus();
  };
  const approved = async (story) => {
    replace(justApproved);
    let circles;
    try {
      circles = (await api.get(`${base}/live-activities`)).filter((live) => live.activityType === 'failure-circle');
    } catch {
      return; // The story is approved all the same; the circle's facilitators can still offer it from the session.
    }
    if (circles.length) replace(justApproved, intoCircles(story, circles));
  };
  await refresh(false);
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/stories`, text: 'Failure stories' })),
    h('h1', { text: 'Stories to moderate' }),
    h('p', { class: 'lead', text: 'Stories for the whole collaborative or the server wait for your approval. Hide a story or comment only with a reason: its author reads it.' }),
    justApproved,
    list);
  return { title: 'Stories to moderate' };
}

function entry(item, refresh, approved) {
  const story = item.story;
  const headingId = `queue-${story.id}`;
  const approve = story.status === 'pending'
    ? h('button', { type: 'button', class: 'button', text: 'Approve', 'aria-describedby': headingId,
      onclick: async () => {
        await api.post(`stories/${story.id}/moderation`, { action: 'approve' });
        await refresh(true);
        status.announce(`"${story.title}" is approved and published.`);
        await approved(story);
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
    h('p', { class: 'meta', text: `${STATUSES[story.status]}. ${creditLine(story)}. ${postedLine(story)}. ${readersLine(story)}` }),
    h('p', { text: story.whatHappened }),
    item.reports.length ? h('div', {}, h('h3', { text: 'Reports' }),
      h('ul', {}, item.reports.map((report) => h('li', { text: report.commentId ? `On a comment: ${report.reason}` : report.reason })))) : null,
    item.reportedComments.map((comment) => reportedComment(story, comment, refresh)),
    h('div', { class: 'actions' }, approve),
    h('details', {}, h('summary', { text: 'Remove a passage' }), redactForm),
    h('details', {}, h('summary', { text: 'Hide this story' }), hideForm));
}

/**
 * The offer to bring a story just approved into each failure-story circle running now: its facilitators may offer
 * any story everyone in the session may read, and an approved one is.
 */
function intoCircles(story, circles) {
  const outcome = h('p', { class: 'meta', tabindex: '-1', 'aria-live': 'off' });
  const offer = (live) => async (event) => {
    const pressed = event.currentTarget;
    try {
      await api.post(`sessions/${live.sessionId}/live/messages`,
        { type: 'failure-circle.offer', body: { storyId: story.id, circle: null } });
    } catch (error) {
      outcome.textContent = error.message;
      pressed.focus();
      status.announce(error.message, 'error');
      return;
    }
    outcome.textContent = `"${story.title}" is in the queue of the plenary circle in ${live.title}.`;
    outcome.focus();
    status.announce(outcome.textContent);
  };
  return h('section', { class: 'card subform', 'aria-labelledby': 'just-approved-heading', 'data-testid': 'into-circle' },
    h('h2', { id: 'just-approved-heading', text: `"${story.title}" is approved` }),
    h('p', { text: circles.length === 1
      ? `A failure-story circle is running now in ${circles[0].title}. Its facilitators can share the story there.`
      : 'Failure-story circles are running now in these sessions. Their facilitators can share the story there.' }),
    h('div', { class: 'actions' }, circles.map((live) => h('button', { type: 'button', class: 'button button--secondary',
      onclick: offer(live) }, 'Bring into the circle running now',
    circles.length > 1 ? ` (${live.title})` : h('span', { class: 'visually-hidden', text: ` (${live.title})` })))),
    outcome);
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
