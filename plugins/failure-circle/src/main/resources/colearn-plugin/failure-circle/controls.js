// The circle's form controls, built with the browser kit the server serves to every plugin.
import { h, uid } from '/plugin-kit/dom.js';

/** A labelled field: the label, an optional hint tied to the control, then the control. */
export function field(labelText, control, hint) {
  control.id ||= uid('fc-field');
  const hintElement = hint ? h('p', { class: 'hint', id: uid('fc-hint'), text: hint }) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'field' }, h('label', { for: control.id, text: labelText }), hintElement, control);
}

/**
 * A group of radio buttons in a fieldset with its legend: `options` are `[value, label, hint]`. Returns the
 * fieldset and a function giving the value chosen.
 */
export function radios(name, legendText, options, chosen, { idPrefix = name } = {}) {
  const inputs = options.map(([value]) => h('input', {
    type: 'radio', name, value, id: `${idPrefix}-${value}`, key: `${idPrefix}-${value}`, checked: value === chosen,
  }));
  const element = h('fieldset', { class: 'fc-choices' }, h('legend', { text: legendText }),
    options.map(([value, text, hint], i) => h('div', { class: 'field__check' },
      inputs[i],
      h('label', { for: inputs[i].id }, text, hint ? h('span', { class: 'fc-choice-hint', text: ` ${hint}` }) : null))));
  return { element, value: () => inputs.find((input) => input.checked)?.value ?? null, inputs };
}

export function button(text, onclick, props = {}) {
  return h('button', { type: 'button', class: 'button', ...props, onclick }, text);
}
