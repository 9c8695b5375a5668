/**
 * Importing many periods of a measure from a CSV file: check it first (nothing saved), then import it all, or only
 * its valid rows when some are rejected, with each row's problems in words.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, clearErrors, field, form, showError } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';

const RESULTS = { imported: 'Imported', would_import: 'Ready to import', not_imported: 'Not imported', rejected: 'Rejected' };

export function valuesImport(state) {
  const m = state.measure;
  const header = m.kind === 'proportion' || m.kind === 'rate' ? 'period,numerator,denominator' : m.kind === 'days_between' ? 'period' : 'period,value';
  const csvField = field('csv', 'CSV of periods', { type: 'textarea', rows: 6, wide: true,
    hint: `First line: ${header}. Periods as ${m.periodFormat}. Paste from a spreadsheet or load a file.` });
  const textarea = csvField.querySelector('textarea');
  textarea.spellcheck = false;
  const fileField = field('file', 'CSV file');
  const fileInput = fileField.querySelector('input');
  fileInput.type = 'file';
  fileInput.accept = '.csv,text/csv';
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (file) textarea.value = await file.text();
  });
  const report = h('div', { tabindex: '-1' });
  const importForm = form('Import periods from CSV', h('div', { class: 'grid' }, fileField, csvField),
    h('div', { class: 'actions' },
      button('Check the file', { type: 'button', variant: 'button--secondary', onclick: () => run({ dryRun: true }) }),
      button('Import', { type: 'button', onclick: () => run({}) })));

  async function run(query) {
    clearErrors(importForm);
    try {
      const result = await api.call('POST', `${state.path}/values/import`, { csv: textarea.value, query });
      show(result.rows, result.dryRun
        ? `${result.rows.length - result.rejected} rows are ready to import, ${result.rejected} rejected. Nothing is saved yet.`
        : `${result.imported} periods imported${result.rejected ? `, ${result.rejected} rejected rows left out` : ''}.`,
      result.dryRun && result.rejected > 0 && result.rejected < result.rows.length);
      if (result.applied) await state.refresh('The periods are imported.');
    } catch (error) {
      if (error instanceof ApiError && error.problem.report) show(error.problem.report.rows, error.problem.detail, true);
      else showError(importForm, error);
    }
  }

  function show(rows, summary, offerValid) {
    replace(report,
      h('p', { text: summary }),
      dataTable('Rows of the file', [
        { label: 'Line', cell: (r) => String(r.line) },
        { label: 'Period', cell: (r) => r.period ?? '' },
        { label: 'Result', cell: (r) => RESULTS[r.status] ?? r.status },
        { label: 'Problems', cell: (r) => r.problems.join('; ') },
      ], rows),
      offerValid ? button('Import only the valid rows', { type: 'button', onclick: () => run({ skipInvalid: true }) }) : null);
    status.announce(summary);
  }

  return h('div', { class: 'card' }, importForm, report);
}
