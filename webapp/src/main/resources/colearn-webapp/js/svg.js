/** Builds SVG nodes as dom.js builds HTML ones: attributes set as given, `text` as a text node, never markup. */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key === 'text') el.textContent = value;
    else el.setAttribute(key, String(value));
  });
  children.flat(Infinity).filter(Boolean).forEach((child) => el.append(child));
  return el;
}
