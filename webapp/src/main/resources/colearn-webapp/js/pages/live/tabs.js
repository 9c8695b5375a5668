/**
 * Panels of the live page shown one at a time behind a row of tabs (the WAI-ARIA tabs pattern: arrow keys, Home and End
 * move between the tabs, Tab goes into the panel). Switched off, the tabs go away and every panel shows, one below the
 * other. Each panel keeps its place: the page's scroll position is kept per tab and given back when its tab is chosen
 * again. A tab can carry a short note ("2 new") for what arrived in its panel while another was shown, and a tab can be
 * left out while its panel has nothing to show (a breakout room's, outside a room).
 */
import { h } from '../../dom.js';

/**
 * `name` labels the row of tabs; `panels` are `{key, label, content, hidden}` (content: elements, some null; hidden: left
 * out until shown). Returns `{element, enable(on), select(key, focus), selected(), mark(key, text), show(key, shown),
 * panel(key), onSelect}`.
 */
export function panelTabs(name, panels) {
  const list = h('div', { class: 'live-tabs__list', 'aria-label': name });
  const parts = panels.map(({ key, label, content, hidden = false }) => {
    const tabId = `tab-${key}`;
    const panelId = `tabpanel-${key}`;
    const badge = h('span', { class: 'live-tabs__note' });
    const tab = h('button', { type: 'button', id: tabId, class: 'live-tabs__tab', 'aria-controls': panelId, dataset: { tab: key } },
      h('span', { text: label }), ' ', badge);
    const panel = h('div', { id: panelId, class: 'live-tabs__panel', dataset: { panel: key } }, content);
    return { key, tab, panel, badge, shown: !hidden, scroll: { page: 0, panel: 0 } };
  });
  parts.forEach(({ tab }) => list.append(tab));
  const element = h('div', { class: 'live-tabs' }, list, parts.map(({ panel }) => panel));
  let on = false;
  let current = parts[0].key;
  const listeners = [];

  const part = (key) => parts.find((p) => p.key === key);

  function draw() {
    list.hidden = !on;
    if (on) list.setAttribute('role', 'tablist');
    else list.removeAttribute('role');
    element.classList.toggle('live-tabs--on', on);
    parts.forEach(({ key, tab, panel, shown }) => {
      const chosen = key === current;
      tab.hidden = !shown;
      if (on) {
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(chosen));
        tab.tabIndex = chosen ? 0 : -1;
        panel.setAttribute('role', 'tabpanel');
        panel.setAttribute('aria-labelledby', tab.id);
        panel.tabIndex = 0;
        panel.hidden = !chosen;
      } else {
        ['role', 'aria-selected', 'aria-labelledby', 'tabindex'].forEach((attribute) => {
          tab.removeAttribute(attribute);
          panel.removeAttribute(attribute);
        });
        panel.hidden = !shown;
      }
    });
  }

  function select(key, focus = false) {
    const next = part(key);
    if (!next) return;
    if (key !== current) {
      const leaving = part(current);
      leaving.scroll = { page: window.scrollY, panel: leaving.panel.scrollTop };
      current = key;
      next.badge.textContent = '';
      draw();
      if (on) {
        // Its place as it was left: the page's scroll, and the panel's own where the panel scrolls (the cockpit's).
        next.panel.scrollTop = next.scroll.panel;
        window.scrollTo({ top: next.scroll.page });
      }
      listeners.forEach((listener) => listener(key));
    }
    if (focus) next.tab.focus();
  }

  parts.forEach(({ key, tab }) => tab.addEventListener('click', () => select(key)));
  // Arrow keys, Home and End move among the tabs shown.
  list.addEventListener('keydown', (event) => {
    const shown = parts.filter((p) => p.shown);
    const index = shown.findIndex((p) => p.tab === event.target);
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: shown.length - 1 };
    if (!on || index < 0 || !(event.key in moves)) return;
    event.preventDefault();
    select(shown[(moves[event.key] + shown.length) % shown.length].key, true);
  });
  draw();

  return {
    element,
    enable(enabled) {
      if (on === enabled) return;
      on = enabled;
      draw();
    },
    get on() {
      return on;
    },
    select,
    selected: () => current,
    /** Shows `text` on a tab whose panel is not shown (nothing while it is shown, or when tabs are off). */
    mark(key, text) {
      const target = part(key);
      if (target) target.badge.textContent = on && key !== current ? text : '';
    },
    /** Shows or leaves out a tab and its panel; when the tab shown is left out, the first tab is shown instead. */
    show(key, shown) {
      const target = part(key);
      if (!target || target.shown === shown) return;
      target.shown = shown;
      if (!shown) {
        target.badge.textContent = '';
        if (current === key) select(parts[0].key);
      }
      draw();
    },
    panel: (key) => part(key)?.panel ?? null,
    onSelect(listener) {
      listeners.push(listener);
    },
  };
}
