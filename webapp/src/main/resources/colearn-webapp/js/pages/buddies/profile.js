/**
 * A site's buddy profile form: what it offers and wants, its stage per topic, where it is, how many buddies it can
 * take on and the sites it must never be paired with. Meant to take a few minutes.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, decimals, field, form, markInvalid, onSubmit } from '../../forms.js';
import * as status from '../../status.js';

export async function profilePage(view, [id, siteId]) {
  const base = `collaboratives/${id}`;
  const [profile, regions, sites] = await Promise.all([
    api.get(`${base}/buddies/profiles/${siteId}`),
    api.get(`${base}/buddies/regions`),
    api.get(`${base}/sites`),
  ]);
  const title = `Buddy profile of ${profile.siteName}`;
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/collaboratives/${id}/buddies`, text: 'Buddy pairings' })),
    h('h1', { text: title }),
    profile.editable ? editForm(base, profile, regions, sites) : summary(profile, sites));
  return { title };
}

function lines(list) {
  return list.join('\n');
}

function stagesText(stages) {
  return Object.entries(stages).map(([topic, stage]) => `${topic}: ${stage}`).join('\n');
}

function editForm(base, profile, regions, sites) {
  const others = sites.filter((site) => site.id !== profile.siteId);
  const never = h('fieldset', { class: 'field field--wide' },
    h('legend', { text: 'Never pair with (optional)' }),
    others.length ? others.map((site) => {
      const boxId = `never-${site.id}`;
      return h('div', { class: 'field__check' },
        h('input', { type: 'checkbox', id: boxId, name: 'excludedSiteIds', value: site.id, checked: profile.excludedSiteIds.includes(site.id) }),
        h('label', { for: boxId, text: site.name }));
    }) : h('p', { class: 'hint', text: 'There are no other sites yet.' }));
  const profileForm = form(`Buddy profile of ${profile.siteName}`,
    h('div', { class: 'grid' },
      field('offers', 'What your site can offer', { type: 'textarea', rows: 3, value: lines(profile.offers), hint: 'Topics or practices your site does well, one per line.' }),
      field('wants', 'What your site wants to learn', { type: 'textarea', rows: 3, value: lines(profile.wants), hint: 'One topic per line.' }),
      field('stages', 'Stage per topic (optional)', {
        type: 'textarea', rows: 3, value: stagesText(profile.stages),
        hint: 'One topic per line as topic: stage, from 1 (just starting) to 4 (sustaining). For example: Sepsis screening: 3',
      }),
      field('region', 'Region', { choices: regions.map((r) => ({ value: r.name, text: r.name })), placeholder: 'Not given', value: profile.region ?? '' }),
      field('latitude', 'Latitude (optional)', { inputmode: 'decimal', value: profile.latitude ?? '', hint: 'More precise than the region, for example 51.146' }),
      field('longitude', 'Longitude (optional)', { inputmode: 'decimal', value: profile.longitude ?? '', hint: 'For example 0.875' }),
      field('capacity', 'How many buddies can your site take on?', { type: 'number', min: 0, max: 5, value: String(profile.capacity), hint: '0 leaves your site out of pairings for now.' }),
      never),
    h('div', { class: 'actions' }, button('Save profile')));
  onSubmit(profileForm, async (values) => {
    const stages = parseStages(values.stages);
    if (stages === null) {
      markInvalid(profileForm.elements.namedItem('stages'), 'Stage per topic: write each line as topic: stage, with a stage from 1 to 4');
      profileForm.elements.namedItem('stages').focus();
      return;
    }
    const coordinates = decimals(profileForm, ['latitude', 'longitude']);
    if (!coordinates) return;
    const saved = await api.put(`${base}/buddies/profiles/${profile.siteId}`, {
      offers: splitLines(values.offers),
      wants: splitLines(values.wants),
      stages,
      region: values.region,
      latitude: coordinates.latitude,
      longitude: coordinates.longitude,
      capacity: values.capacity === null ? null : Number(values.capacity),
      excludedSiteIds: [...profileForm.querySelectorAll('input[name="excludedSiteIds"]:checked')].map((box) => box.value),
    });
    status.announce(`Profile saved for ${saved.siteName}.`);
  });
  return h('div', { class: 'card' }, profileForm);
}

function splitLines(text) {
  return (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
}

/** "Sepsis screening: 3" lines to {"Sepsis screening": 3}; null when a line does not read that way. */
function parseStages(text) {
  const stages = {};
  for (const line of splitLines(text)) {
    const match = /^(.+?)\s*[:=]\s*([1-4])$/.exec(line);
    if (!match) return null;
    stages[match[1]] = Number(match[2]);
  }
  return stages;
}

function summary(profile, sites) {
  const names = new Map(sites.map((site) => [site.id, site.name]));
  const row = (term, text) => h('div', {}, h('dt', { text: term }), h('dd', { text: text || 'Not given' }));
  return h('dl', { class: 'facts' },
    row('Offers', profile.offers.join(', ')),
    row('Wants to learn', profile.wants.join(', ')),
    row('Stages', stagesText(profile.stages).replaceAll('\n', '; ')),
    row('Region', profile.region),
    row('Can take on', String(profile.capacity)),
    row('Never pair with', profile.excludedSiteIds.map((siteId) => names.get(siteId) ?? siteId).join(', ')));
}
