/**
 * Builds DOM nodes. Text always goes in as text nodes or textContent, never as HTML, so nothing a user typed can
 * become markup.
 */

let lastId = 0;

/** A page-unique id with a readable prefix, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/**
 * Creates an element. Props: `class`, `text`, `dataset`, `key` (a control's stable name, `data-key`, so that focus and
 * what was typed can survive a new render), `testid` (`data-testid`), `on<event>` handlers, `value`/`checked` (set as
 * properties after the children, so a select's value can name one of its options), and any attribute
 * (true = present, false/null/undefined = absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const late = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'key') el.dataset.key = value;
    else if (key === 'testid') el.dataset.testid = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked') late[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
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

/** A visually hidden span: words for screen readers that sighted people get from the layout. */
export function hidden(text) {
  return h('span', { class: 'visually-hidden', text });
}

/** Replaces the children of `parent`, skipping nulls (the native replaceChildren would write "null"). */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}
