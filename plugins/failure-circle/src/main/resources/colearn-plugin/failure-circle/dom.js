// Builds the circle's DOM. Whatever people typed goes in as text nodes, never as HTML. These functions are the
// plugin's own: any Colearn page may load it, and it depends on none of the web app's modules.

let made = 0;

/** A page-unique id, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  made += 1;
  return `fc-${prefix}-${made}`;
}

/**
 * Creates an element. Props: `class`, `text`, `key` (a stable name, so that the focus survives a new view),
 * `testid`, `on<event>` handlers, `value`/`checked` (set as properties), and any attribute (true = present;
 * false, null and undefined = absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const properties = {};
  Object.entries(props ?? {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'key') el.dataset.fcKey = value;
    else if (name === 'testid') el.dataset.testid = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked') properties[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
  });
  Object.assign(el, properties);
  return el;
}

/** A labelled field: the label, an optional hint tied to the control, then the control. */
export function field(labelText, control, hint) {
  control.id ||= uid('field');
  const hintElement = hint ? h('p', { class: 'hint', id: uid('hint'), text: hint }) : null;
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

/** Words only screen readers need; sighted people get them from the layout. */
export function hidden(text) {
  return h('span', { class: 'visually-hidden', text });
}

/** "1 story", "3 stories". */
export function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
