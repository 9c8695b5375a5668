/**
 * Invitation links, for facilitators: make one for a role, copy it, see how often it was used, withdraw it. The links
 * are a table, one row each, so that a collaborative with many links keeps People and sites short.
 */
import * as api from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, replace } from '../../dom.js';
import { ROLES, dayOf, label, options } from '../../format.js';
import { button, field, folded, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';

export function invitationsSection(state, initial) {
  let invitations = initial;
  const list = h('div', { class: 'invitation-list' });
  const render = (focusId = null) => {
    replace(list, dataTable('Invitation links', columns(revoke), invitations, { empty: 'No invitation links yet.' }));
    if (focusId) list.querySelector(`input[data-invitation="${focusId}"]`)?.focus();
  };
  const refresh = async (focusId) => {
    invitations = await api.get(`${state.base}/invitations`);
    render(focusId);
  };
  async function revoke(invitation, pressed) {
    try {
      await api.del(`${state.base}/invitations/${invitation.id}`);
      // The button is gone once the link is revoked; keep the focus on the same row.
      await refresh(invitation.id);
      status.announce(`The ${label(ROLES, invitation.role).toLowerCase()} link is revoked. It no longer works.`);
    } catch (error) {
      pressed.focus();
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

/** The table's columns: the role (which labels the link), the link with its Copy button, uses, state, Revoke. */
function columns(revoke) {
  const stateOf = (invitation) => (invitation.revokedAt ? 'Revoked' : invitation.usable ? 'Active' : 'Expired');
  const labelIdOf = (invitation) => `invitation-${invitation.id}-label`;
  return [
    { label: 'Role', cell: (invitation) => h('label', { for: `invitation-${invitation.id}`, id: labelIdOf(invitation), class: 'invitation__label' },
      `${label(ROLES, invitation.role)} link`) },
    { label: 'Link', cell: (invitation) => linkCell(invitation, stateOf(invitation), labelIdOf(invitation)) },
    { label: 'Uses', cell: (invitation) => usedWords(invitation.timesUsed) },
    { label: 'State', cell: (invitation) => h('span', { class: 'invitation__state' },
      h('span', { class: `badge badge--${stateOf(invitation).toLowerCase()}`, text: stateOf(invitation) }), ' ',
      invitation.revokedAt ? `Revoked ${dayOf(invitation.revokedAt)}`
        : `${invitation.usable ? 'Expires' : 'Expired'} ${dayOf(invitation.expiresAt)}`) },
    { label: 'Action', cell: (invitation) => revokeButton(invitation, labelIdOf(invitation), revoke) },
  ];
}

/** The link in full, read-only, and while it works a button that copies it. */
function linkCell(invitation, state, labelId) {
  const input = h('input', { id: `invitation-${invitation.id}`, type: 'text', readonly: true, value: invitation.url,
    class: 'link-input', spellcheck: 'false', dataset: { invitation: invitation.id } });
  const copied = h('span', { class: 'copied', 'aria-hidden': 'true' });
  const copyButton = invitation.usable ? h('button', {
    type: 'button',
    class: 'button button--secondary',
    text: 'Copy link',
    'aria-describedby': labelId,
    onclick: () => copyLink(input, copied, 'Link copied. Paste it into an email or message to your colleagues.'),
  }) : null;
  return h('div', { class: `invitation__link invitation--${state.toLowerCase()}` }, input, copyButton, copied);
}

function revokeButton(invitation, labelId, revoke) {
  if (!invitation.usable) return null;
  const control = h('button', { type: 'button', class: 'button button--danger', text: 'Revoke', 'aria-describedby': labelId });
  control.addEventListener('click', () => revoke(invitation, control));
  return control;
}

/** "not used yet", "used once", "used 3 times". */
function usedWords(times) {
  if (!times) return 'not used yet';
  return times === 1 ? 'used once' : `used ${times} times`;
}
