/**
 * For facilitators, below the members table: pick a member, then change their role or remove them from the
 * collaborative (after a second press, so that a slip removes nobody). The server checks the facilitator's right.
 */
import * as api from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { ROLES, label, options } from '../../format.js';
import * as status from '../../status.js';

export function memberAdmin(state) {
  const slot = h('div', { class: 'card subform member-admin' });
  const memberId = uid('member');
  const roleId = uid('role');
  const who = h('select', { id: memberId });
  const role = h('select', { id: roleId }, options(ROLES).map(({ value, text }) => h('option', { value, text })));
  const change = h('button', { type: 'button', class: 'button button--secondary', text: 'Change role' });
  const remove = h('button', { type: 'button', class: 'button button--danger', text: 'Remove from the collaborative' });
  const confirmSlot = h('div', { class: 'actions' });
  const chosen = () => state.members.find((member) => member.id === who.value);

  function fill() {
    const kept = who.value;
    replace(who, state.members.map((member) => h('option', { value: member.id, text: member.displayName })));
    if (state.members.some((member) => member.id === kept)) who.value = kept;
    role.value = chosen()?.role ?? 'participant';
    replace(confirmSlot);
  }
  who.addEventListener('change', () => {
    role.value = chosen()?.role ?? 'participant';
    replace(confirmSlot);
  });

  change.addEventListener('click', async () => {
    const member = chosen();
    if (!member) return;
    if (role.value === member.role) {
      status.announce(`${member.displayName} is a ${label(ROLES, member.role).toLowerCase()} already: choose another role first.`, 'error');
      role.focus();
      return;
    }
    const next = role.value;
    await act(change, async () => {
      await api.call('PATCH', `${state.base}/members/${member.id}`, { json: { role: next } });
      return `${member.displayName} is now a ${label(ROLES, next).toLowerCase()}.`;
    });
  });

  remove.addEventListener('click', () => {
    const member = chosen();
    if (!member) return;
    const yes = h('button', { type: 'button', class: 'button button--danger', text: `Yes, remove ${member.displayName}` });
    const no = h('button', { type: 'button', class: 'button button--secondary', text: 'Keep them' });
    yes.addEventListener('click', () => act(yes, async () => {
      await api.call('DELETE', `${state.base}/members/${member.id}`);
      return `${member.displayName} is no longer a member of this collaborative.`;
    }));
    no.addEventListener('click', () => {
      replace(confirmSlot);
      remove.focus();
    });
    replace(confirmSlot, h('p', { class: 'member-admin__confirm', text: `Remove ${member.displayName}? They lose access at once.` }), yes, no);
    yes.focus();
  });

  /** Runs `work`, which returns what to announce; announced once the tables show the change. */
  async function act(button, work) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      const done = await work();
      await state.reload();
      status.announce(done);
    } catch (error) {
      status.announce(error.message, 'error');
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  replace(slot,
    h('h3', { text: 'Change a member' }),
    h('div', { class: 'grid' },
      h('div', { class: 'field' }, h('label', { for: memberId, text: 'Member' }), who),
      h('div', { class: 'field' }, h('label', { for: roleId, text: 'Role' }), role)),
    h('div', { class: 'actions' }, change, remove),
    confirmSlot);
  fill();
  state.onReload(fill);
  return slot;
}
