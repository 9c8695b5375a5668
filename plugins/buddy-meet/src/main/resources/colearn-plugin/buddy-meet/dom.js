// Builds the buddy meet's DOM. Text always goes in as text nodes, never as HTML, so nothing a person typed becomes
// markup. The plugin keeps its own helpers: it is loaded by any Colearn web app and depends on none of its modules.

let lastId = 0;

/** A page-unique id with a readable prefix, for label/for pairs. */
export function uid(prefix) {
  lastId += 1;
  return `buddy-meet-${prefix}-${lastId}`;
}

/**
 * Creates an element. Props: `class`, `text`, `key` (a stable name, so that the focus survives a new view),
 * `on<event>` handlers, `value` (set as a property), and any attribute (true = present, false/null = absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'key') el.dataset.meetKey = value;
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function button(text, onclick, props = {}) {
  return h('button', { type: 'button', class: 'buddy-meet-button', ...props, onclick }, text);
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Ben Carter and Chen Li", "Ann, Ben and Chen". */
export function names(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}
