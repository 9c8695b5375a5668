// Builds the café's DOM. Text always goes in as text nodes, never as HTML, so nothing a person typed becomes markup.
// The plugin keeps its own helpers: it is loaded by any Colearn web app and depends on none of its modules.

let lastId = 0;

/** A page-unique id with a readable prefix, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  lastId += 1;
  return `cafe-${prefix}-${lastId}`;
}

/**
 * Creates an element. Props: `class`, `text`, `key` (the control's stable name, so that focus and what was typed
 * survive a new view), `on<event>` handlers, `value`/`checked` (set as properties after the children), and any
 * attribute (true = present, false/null/undefined = absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const late = {};
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'key') el.dataset.cafeKey = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked') late[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  Object.assign(el, late);
  return el;
}

/** Appends children: nodes as they are, anything else as text; nulls and arrays are flattened away. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Words for screen readers that sighted people get from the layout. */
export function hidden(text) {
  return h('span', { class: 'cafe-sr-only', text });
}

/** A labelled control: the label, then the control, tied by id. */
export function field(labelText, control, hint) {
  control.id ||= uid('field');
  const hintElement = hint ? h('span', { class: 'cafe-hint', id: uid('hint'), text: hint }) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'cafe-field' }, h('label', { for: control.id, text: labelText }), hintElement, control);
}

/** A checkbox with its label after it, tied by id. */
export function checkbox(labelText, props) {
  const box = h('input', { type: 'checkbox', id: uid('check'), ...props });
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

/** "Ben Carter and Chen Li", "Ann, Ben and Chen". */
export function names(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
