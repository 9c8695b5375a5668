/**
 * For facilitators, on each member's row: change their role, or remove them from the collaborative (after a second
 * press, so that a slip removes nobody). The server checks the facilitator's right and keeps who did it.
 */
import * as api from '../../api.js';
import { h, hidden, replace, uid } from '../../dom.js';
import { ROLES, label, options } from '../../format.js';
import * as status from '../../status.js';

export function manageCell(state, member) {
  const slot = h('div', { class: 'member-admin' });
  const roleId = uid('role');
  const select = h('select', { id: roleId, class: 'member-admin__role' },
    options(ROLES).map(({ value, text }) => h('option', { value, text, selected: value === member.role })));
  const change = h('button', { type: 'button', class: 'button button--secondary' }, 'Change role', hidden(` of ${member.displayName}`));
  change.addEventListener('click', async () => {
    if (select.value === member.role) {
      status.announce(`${member.displayName} is a ${label(ROLES, member.role).toLowerCase()} already: choose another role first.`, 'error');
      select.focus();
      return;
    }
    await act(change, async () => {
      await api.call('PATCH', `${state.base}/members/${member.id}`, { json: { role: select.value } });
      status.announce(`${member.displayName} is now a ${label(ROLES, select.value).toLowerCase()}.`);
    });
  });
  const remove = h('button', { type: 'button', class: 'button button--danger' }, 'Remove', hidden(` ${member.displayName}`));
  remove.addEventListener('click', () => confirmRemoval());

  function confirmRemoval() {
    const yes = h('button', { type: 'button', class: 'button button--danger' }, `Yes, remove ${member.displayName}`);
    const no = h('button', { type: 'button', class: 'button button--secondary' }, 'Keep', hidden(` ${member.displayName}`));
    yes.addEventListener('click', () => act(yes, async () => {
      await api.call('DELETE', `${state.base}/members/${member.id}`);
      status.announce(`${member.displayName} is no longer a member of this collaborative.`);
    }));
    no.addEventListener('click', () => {
      draw();
      remove.focus();
    });
    replace(slot, h('p', { class: 'member-admin__confirm', text: `Remove ${member.displayName}? They lose access at once.` }), yes, no);
    yes.focus();
  }

  async function act(button, work) {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await work();
      await state.reload();
    } catch (error) {
      status.announce(error.message, 'error');
      button.removeAttribute('aria-disabled');
    }
  }

  function draw() {
    replace(slot,
      h('label', { for: roleId, class: 'visually-hidden', text: `Role of ${member.displayName}` }),
      select, change, remove);
  }
  draw();
  return slot;
}
