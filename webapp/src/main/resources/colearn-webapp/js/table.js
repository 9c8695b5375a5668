/**
 * Data tables with a caption, column headers with scope, and the first cell of each row as its row header. On
 * narrow screens CSS stacks each row into a card, labelling each cell from its column (data-label).
 */
import { h } from './dom.js';

/** columns: [{ label, cell(row) -> text or node }]; the first column names the row. */
export function dataTable(caption, columns, rows, { empty = 'None yet.' } = {}) {
  if (!rows.length) {
    return h('p', { class: 'empty', text: empty });
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'table table--stack' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c.label })))),
      h(
        'tbody',
        {},
        rows.map((row) => h(
          'tr',
          {},
          columns.map((c, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined, dataset: { label: c.label } }, c.cell(row))),
        )),
      ),
    ),
  );
}

/** A cell value or a dash that reads as "none". */
export function orNone(text) {
  return text ? text : h('span', { class: 'none' }, h('span', { 'aria-hidden': 'true', text: '—' }), h('span', { class: 'visually-hidden', text: 'none' }));
}
