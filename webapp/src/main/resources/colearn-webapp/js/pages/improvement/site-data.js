/**
 * A site lead's part of the measures page: whether the site shares its data with the whole collaborative, and the
 * tokens with which the site's own systems send values (each shown once, revoked with one button).
 */
import * as api from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, replace } from '../../dom.js';
import { dayOf } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';

export function siteDataSection(state, site) {
  const base = `${state.base}/sites/${site.id}`;
  const sharing = h('div', {});
  const tokens = h('div', {});
  const secret = h('div', { role: 'status' });

  const renderSharing = async () => {
    const { shared } = await api.get(`${base}/data-sharing`);
    replace(sharing,
      h('p', { text: shared
        ? `${site.name} shares its data: everyone in the collaborative sees its charts.`
        : `${site.name}’s data are seen by its members, its buddy pair and the facilitators.` }),
      button(shared ? 'Stop sharing with the collaborative' : 'Share our data with the whole collaborative', {
        type: 'button',
        variant: 'button--secondary',
        onclick: async () => {
          await api.put(`${base}/data-sharing`, { shared: !shared });
          await renderSharing();
          status.announce(shared ? 'Your site’s data are no longer shared.' : 'Your site’s data are shared with the collaborative.');
        },
      }));
  };
  const renderTokens = async () => {
    const list = await api.get(`${base}/data-tokens`);
    replace(tokens, dataTable('Data tokens', [
      { label: 'Name', cell: (t) => t.label },
      { label: 'Made', cell: (t) => `${dayOf(t.createdAt)} by ${t.createdBy}` },
      { label: 'Last used', cell: (t) => (t.lastUsedAt ? dayOf(t.lastUsedAt) : 'Never') },
      { label: 'State', cell: (t) => (t.revokedAt ? `Revoked ${dayOf(t.revokedAt)}`
        : button(`Revoke ${t.label}`, { type: 'button', variant: 'button--secondary', onclick: async () => {
          await api.del(`${base}/data-tokens/${t.id}`);
          await renderTokens();
          status.announce(`${t.label} is revoked: it sends nothing more.`);
        } })) },
    ], list, { empty: 'No data tokens yet.' }));
  };
  const tokenForm = form('Make a data token',
    field('label', 'What will use it', { required: true, hint: 'For example “EPR monthly extract”.' }),
    h('div', { class: 'actions' }, button('Make a data token')));
  onSubmit(tokenForm, async (values) => {
    const created = await api.post(`${base}/data-tokens`, { label: values.label });
    const input = h('input', { id: 'data-token-secret', type: 'text', readonly: true, value: created.secret, class: 'link-input', spellcheck: 'false' });
    const copied = h('span', { class: 'hint' });
    tokenForm.reset();
    replace(secret,
      h('p', { class: 'notice', text: `The token for ${created.token.label}, shown only now. Give it to whoever sets up the feed; see the API guide for how to send values.` }),
      h('label', { for: 'data-token-secret', text: 'Data token' }),
      input,
      h('div', { class: 'actions' }, button('Copy the token', { type: 'button', onclick: () => copyLink(input, copied, 'Token copied.') }), copied));
    await renderTokens();
  });
  renderSharing();
  renderTokens();
  return h('section', { class: 'section', 'aria-labelledby': 'site-data-heading' },
    h('h2', { id: 'site-data-heading', text: `${site.name}’s data` }),
    sharing,
    h('h3', { text: 'Data tokens for your site’s own systems' }),
    tokens, secret, h('div', { class: 'card' }, tokenForm));
}
