/** The collaboratives the person belongs to, and the form to start a new one. */
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { PROFESSIONS, ROLES, day, label, options, plural } from '../format.js';
import { button, field, form, onSubmit } from '../forms.js';
import { go } from '../router.js';
import { addressNotice } from './verify.js';

export async function collaborativesPage(view) {
  const [collaboratives, me] = await Promise.all([api.get('collaboratives'), api.get('me')]);
  replace(view,
    h('h1', { text: 'My collaboratives' }),
    addressNotice(me),
    collaboratives.length
      ? h('ul', { class: 'cards', 'aria-label': 'Your collaboratives' }, collaboratives.map(card))
      : h('p', { class: 'empty', text: 'You are not in any collaborative yet. Start one below, or open an invitation link from your facilitator.' }),
    createSection(),
  );
  return { title: 'My collaboratives' };
}

function card(c) {
  return h(
    'li',
    { class: 'card collab-card' },
    h('h2', { class: 'collab-card__name' }, h('a', { href: `#/collaboratives/${c.id}`, text: c.name })),
    h('p', { class: 'collab-card__topic', text: c.topic }),
    h('p', { class: 'meta', text: `${day(c.startsOn)} to ${day(c.endsOn)}` }),
    h('p', { class: 'meta', text: `${plural(c.siteCount, 'site', 'sites')}, ${plural(c.memberCount, 'member', 'members')}. You are a ${label(ROLES, c.myRole).toLowerCase()}.` }),
  );
}

/** The fields that describe a collaborative, filled from `c` when it is being changed. */
export function collaborativeFields(c = {}) {
  return [
    field('name', 'Name', { required: true, wide: true, value: c.name ?? '', hint: 'For example: South East sepsis collaborative 2026' }),
    field('topic', 'Topic', { required: true, wide: true, value: c.topic ?? '', hint: 'What it improves, in a few words, for example: Sepsis' }),
    field('aim', 'Aim', { type: 'textarea', required: true, wide: true, rows: 3, value: c.aim ?? '', hint: 'What will be better, by how much, by when.' }),
    field('startsOn', 'Start date', { type: 'date', required: true, value: c.startsOn ?? '' }),
    field('endsOn', 'End date', { type: 'date', required: true, value: c.endsOn ?? '' }),
  ];
}

function createSection() {
  const createForm = form(
    'Start a new collaborative',
    h('div', { class: 'grid' },
      collaborativeFields(),
      field('myProfession', 'Your profession (optional)', { choices: options(PROFESSIONS), placeholder: 'Prefer not to say' })),
    h('div', { class: 'actions' }, button('Create collaborative')),
  );
  onSubmit(createForm, async (values) => {
    const created = await api.post('collaboratives', {
      name: values.name,
      topic: values.topic,
      aim: values.aim,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      myProfession: values.myProfession,
    });
    go(`/collaboratives/${created.id}`, `${created.name} is created. You are its facilitator.`);
  });
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'create-heading' },
    h('h2', { id: 'create-heading', text: 'Start a new collaborative' }),
    h('div', { class: 'card' }, createForm),
  );
}
