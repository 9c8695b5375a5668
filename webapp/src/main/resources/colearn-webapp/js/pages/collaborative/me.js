/** The person's own site and profession in this collaborative, which every member may change. */
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
  const siteField = field('siteId', 'Your site', { choices: [], placeholder: 'Choose your site' });
  const siteSelect = siteField.querySelector('select');
  const fillSites = () => {
    const chosen = siteSelect.value || myMembership(state)?.siteId || '';
    replace(siteSelect,
      h('option', { value: '', text: state.sites.length ? 'Choose your site' : 'No sites yet' }),
      ...state.sites.map((s) => h('option', { value: s.id, text: s.name })),
    );
    siteSelect.value = chosen;
  };
  fillSites();
  state.onReload(fillSites);

  const myForm = form(
    'Your site and profession',
    h('div', { class: 'grid' },
      siteField,
      field('profession', 'Your profession', { choices: options(PROFESSIONS), placeholder: 'Choose your profession', value: me.profession ?? '' })),
    h('div', { class: 'actions' }, button('Save', { variant: 'button--secondary' })),
  );
  onSubmit(myForm, async (values) => {
    const current = myMembership(state);
    const change = {};
    if (values.siteId) change.siteId = values.siteId;
    if (values.profession) change.profession = values.profession;
    await api.patch(`${state.base}/members/${current.id}`, change);
    await state.reload();
    status.announce('Your site and profession are saved.');
  });
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'me-heading' },
    h('h2', { id: 'me-heading', text: 'Your site and profession' }),
    h('div', { class: 'card' }, myForm),
  );
}
