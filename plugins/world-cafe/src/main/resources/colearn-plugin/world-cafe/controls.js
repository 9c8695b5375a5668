// The café's own controls and words, built with the browser kit the server serves to every plugin.
import { h, uid } from '/plugin-kit/dom.js';

/** A labelled control: the label, then the control, tied by id. */
export function field(labelText, control, hint) {
  control.id ||= uid('cafe-field');
  const hintElement = hint ? h('span', { class: 'cafe-hint', id: uid('cafe-hint'), text: hint }) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'cafe-field' }, h('label', { for: control.id, text: labelText }), hintElement, control);
}

/** A checkbox with its label after it, tied by id. */
export function checkbox(labelText, props) {
  const box = h('input', { type: 'checkbox', id: uid('cafe-check'), ...props });
  return { box, element: h('div', { class: 'cafe-check' }, box, ' ', h('label', { for: box.id, text: labelText })) };
}

/** A select of `[value, text]` pairs. */
export function select(props, options) {
  return h('select', props, options.map(([value, text]) => h('option', { value, text })));
}

export function button(text, onclick, props = {}) {
  return h('button', { type: 'button', class: 'cafe-button', ...props, onclick }, text);
}

/** "Ann Lee, Ashford, nurse": a person with what the café mixes them by. */
export function personText(member) {
  return [member.name, member.site, profession(member.profession)].filter(Boolean).join(', ');
}

export function profession(code) {
  return code ? String(code).replaceAll('_', ' ') : null;
}
