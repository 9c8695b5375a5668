/** Invitation links, for facilitators: make one for a role, copy it, see how often it was used, withdraw it. */
import * as api from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, replace } from '../../dom.js';
import { ROLES, dayOf, label, options } from '../../format.js';
import { button, field, folded, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';

export function invitationsSection(state, initial) {
  let invitations = initial;
  const list = h('div', { class: 'invitation-list' });
  const render = (focusId = null) => {
    replace(list,
      invitations.length
        ? h('ul', { class: 'cards', 'aria-label': 'Invitation links' }, invitations.map((i) => linkCard(i, revoke)))
        : h('p', { class: 'empty', text: 'No invitation links yet.' }),
    );
    if (focusId) list.querySelector(`[data-invitation="${focusId}"] input`)?.focus();
  };
  const refresh = async (focusId) => {
    invitations = await api.get(`${state.base}/invitations`);
    render(focusId);
  };
  async function revoke(invitation, revokeButton) {
    try {
      await api.del(`${state.base}/invitations/${invitation.id}`);
      // The button is gone once the link is revoked; keep the focus on the same card.
      await refresh(invitation.id);
      status.announce(`The ${label(ROLES, invitation.role).toLowerCase()} link is revoked. It no longer works.`);
    } catch (error) {
      revokeButton.focus();
      status.announce(error.message, 'error');
    }
  }

  const createForm = form(
    'Create an invitation link',
    h('div', { class: 'grid' },
      field('role', 'Role for people who join with this link', { choices: options(ROLES), value: 'participant' }),
      field('validDays', 'Valid for (days)', { type: 'number', min: 1, max: 365, value: '14', inputmode: 'numeric', hint: 'From 1 to 365 days.' })),
    h('div', { class: 'actions' }, button('Create link')),
  );
  onSubmit(createForm, async (values) => {
    const days = values.validDays === null ? null : Number(values.validDays);
    const created = await api.post(`${state.base}/invitations`, {
      role: values.role,
      validDays: Number.isFinite(days) ? days : values.validDays,
    });
    await refresh(created.id);
    status.announce(`Invitation link for ${label(ROLES, created.role).toLowerCase()}s created. Copy it and send it to your colleagues.`);
  });
  render();
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'invitations-heading' },
    h('h2', { id: 'invitations-heading', text: 'Invitation links' }),
    h('p', { text: 'Anyone with a link can join this collaborative with the link’s role, until it expires or you revoke it.' }),
    folded('Create an invitation link', createForm),
    list,
  );
}

function linkCard(invitation, revoke) {
  const roleName = label(ROLES, invitation.role);
  const inputId = `invitation-${invitation.id}`;
  const labelId = `${inputId}-label`;
  const state = invitation.revokedAt ? 'Revoked' : invitation.usable ? 'Active' : 'Expired';
  const input = h('input', { id: inputId, type: 'text', readonly: true, value: invitation.url, class: 'link-input', spellcheck: 'false' });
  const copied = h('span', { class: 'copied', 'aria-hidden': 'true' });
  const copyButton = h('button', {
    type: 'button',
    class: 'button button--secondary',
    text: 'Copy link',
    'aria-describedby': labelId,
    onclick: () => copyLink(input, copied, 'Link copied. Paste it into an email or message to your colleagues.'),
  });
  const revokeButton = invitation.usable
    ? h('button', { type: 'button', class: 'button button--danger', text: 'Revoke', 'aria-describedby': labelId })
    : null;
  revokeButton?.addEventListener('click', () => revoke(invitation, revokeButton));
  return h(
    'li',
    { class: `card invitation invitation--${state.toLowerCase()}`, dataset: { invitation: invitation.id } },
    h('label', { for: inputId, id: labelId, class: 'invitation__label' }, `${roleName} link`),
    h('p', { class: 'meta' },
      h('span', { class: `badge badge--${state.toLowerCase()}`, text: state }), ' ',
      invitation.revokedAt ? `Revoked ${dayOf(invitation.revokedAt)}` : `${invitation.usable ? 'Expires' : 'Expired'} ${dayOf(invitation.expiresAt)}`,
      `, ${usedWords(invitation.timesUsed)}`),
    input,
    invitation.usable ? h('div', { class: 'actions' }, copyButton, revokeButton, copied) : null,
  );
}

/** "not used yet", "used once", "used 3 times". */
function usedWords(times) {
  if (!times) return 'not used yet';
  return times === 1 ? 'used once' : `used ${times} times`;
}
