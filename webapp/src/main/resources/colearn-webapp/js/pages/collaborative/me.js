/**
 * The person's own site and profession in this collaborative. Anyone changes their profession and chooses their first
 * site; moving to another site is a request that a facilitator or that site's lead approves, which they may withdraw.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { PROFESSIONS, options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';

/** The member entry of the logged-in person, which the collaborative names as myMemberId. */
function myMembership(state) {
  return state.members.find((m) => m.id === state.collaborative.myMemberId) ?? null;
}

export function mySection(state) {
  const me = myMembership(state);
  if (!me) return null;
  const siteField = field('siteId', 'Your site', {
    choices: [],
    placeholder: 'Choose your site',
    hint: 'Moving to another site waits for a facilitator or that site’s lead to approve it.',
  });
  const siteSelect = siteField.querySelector('select');
  const fillSites = () => {
    const chosen = siteSelect.value || myMembership(state)?.siteId || '';
    replace(siteSelect,
      h('option', { value: '', text: state.sites.length ? 'Choose your site' : 'No sites yet' }),
      ...state.sites.map((s) => h('option', { value: s.id, text: s.name })),
    );
    siteSelect.value = chosen;
  };
  const pendingSlot = h('div', { class: 'pending-move' });
  const renderPending = () => {
    const mine = myMembership(state);
    replace(pendingSlot, mine?.moveSiteId
      ? h('p', {},
        `You asked to move to ${mine.moveSiteName}. Until a facilitator or its lead approves, you stay at ${mine.siteName ?? 'no site'}. `,
        button('Withdraw the request', { type: 'button', variant: 'button--secondary', onclick: (event) => withdraw(mine, event.currentTarget) }))
      : null);
  };
  async function withdraw(mine, withdrawButton) {
    try {
      await api.post(`${state.base}/site-moves/${mine.id}/decline`, {});
      await state.reload();
      status.announce(`You stay at ${mine.siteName ?? 'no site'}; the request to move is withdrawn.`);
    } catch (error) {
      withdrawButton.focus();
      status.announce(error.message, 'error');
    }
  }
  fillSites();
  renderPending();
  state.onReload(fillSites);
  state.onReload(renderPending);

  const myForm = form(
    'Your site and profession',
    h('div', { class: 'grid' },
      siteField,
      field('profession', 'Your profession', { choices: options(PROFESSIONS), placeholder: 'Choose your profession', value: me.profession ?? '' })),
    h('div', { class: 'actions' }, button('Save', { variant: 'button--secondary' })),
  );
  onSubmit(myForm, async (values) => {
    const current = myMembership(state);
    const moving = Boolean(values.siteId && current.siteId && values.siteId !== current.siteId);
    const change = {};
    if (values.siteId && !moving) change.siteId = values.siteId;
    if (values.profession) change.profession = values.profession;
    await api.patch(`${state.base}/members/${current.id}`, change);
    if (moving) await api.post(`${state.base}/site-moves`, { siteId: values.siteId });
    await state.reload();
    const asked = state.sites.find((s) => s.id === values.siteId)?.name;
    status.announce(moving
      ? `Your profession is saved. Your move to ${asked} waits for a facilitator or its lead to approve it.`
      : 'Your site and profession are saved.');
  });
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'me-heading' },
    h('h2', { id: 'me-heading', text: 'Your site and profession' }),
    h('div', { class: 'card' }, pendingSlot, myForm),
  );
}
