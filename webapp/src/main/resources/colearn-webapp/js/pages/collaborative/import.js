/**
 * CSV import, for facilitators: check a file without saving (dry run), import it all or nothing, and when rows are
 * rejected, show why row by row and offer to import only the valid ones.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { h, replace } from '../../dom.js';
import { plural } from '../../format.js';
import { button, clearErrors, field, folded, form, showError } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';

const RESULTS = {
  imported: 'Imported',
  would_import: 'Ready to import',
  not_imported: 'Not imported',
  rejected: 'Rejected',
};

const COLUMNS = [
  { label: 'Line', cell: (r) => String(r.line) },
  { label: 'Email', cell: (r) => r.email ?? '' },
  { label: 'Result', cell: (r) => h('span', { class: `badge badge--${r.status}`, text: RESULTS[r.status] ?? r.status }) },
  { label: 'Problems', cell: (r) => (r.problems.length ? h('ul', { class: 'problems' }, r.problems.map((p) => h('li', { text: p }))) : '') },
];

export function importSection(state) {
  const fileField = field('file', 'CSV file', { hint: 'A .csv file saved from a spreadsheet.' });
  const fileInput = fileField.querySelector('input');
  fileInput.type = 'file';
  fileInput.accept = '.csv,text/csv';
  const csvField = field('csv', 'Or paste the CSV here', { type: 'textarea', rows: 6, wide: true });
  const textarea = csvField.querySelector('textarea');
  textarea.spellcheck = false;
  textarea.classList.add('mono');
  const report = h('div', { class: 'import-report', tabindex: '-1' });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    textarea.value = await file.text();
    status.announce(`${file.name} is loaded. Check it, or import it.`);
  });

  const checkButton = button('Check the file', { type: 'button', variant: 'button--secondary' });
  const importButton = button('Import');
  const importForm = form(
    'Import members from CSV',
    h('div', { class: 'grid' }, fileField, csvField),
    h('div', { class: 'actions' }, checkButton, importButton),
  );

  let busy = false;
  async function run(mode) {
    if (busy) return;
    busy = true;
    clearErrors(importForm);
    const query = mode === 'check' ? { dryRun: true } : mode === 'valid-only' ? { skipInvalid: true } : {};
    try {
      const result = await api.call('POST', `${state.base}/members/import`, { csv: textarea.value, query });
      showReport(result, mode);
      if (result.applied) {
        await state.reload();
      }
    } catch (error) {
      if (error instanceof ApiError && error.problem.report) {
        showRejected(error.problem);
      } else {
        report.replaceChildren();
        showError(importForm, error);
      }
    } finally {
      busy = false;
    }
  }

  function showReport(result, mode) {
    const rows = result.rows;
    let summary;
    if (result.dryRun) {
      summary = `Checked ${plural(rows.length, 'row', 'rows')}: ${rows.length - result.rejected} ready to import, ${result.rejected} rejected. Nothing is saved yet.`;
    } else {
      const left = result.rejected ? `; ${plural(result.rejected, 'rejected row was', 'rejected rows were')} left out` : '';
      summary = `Imported ${plural(result.imported, 'member', 'members')}${left}.`;
    }
    const offerValidOnly = result.dryRun && result.rejected > 0 && result.rejected < rows.length;
    replace(report,
      h('h3', { text: mode === 'check' ? 'Check result' : 'Import result' }),
      h('p', { class: result.rejected ? 'notice notice--warn' : 'notice notice--ok', text: summary }),
      dataTable('Rows of the CSV file', COLUMNS, rows),
      offerValidOnly ? validOnlyButton() : null,
    );
    status.announce(summary, result.rejected ? 'warn' : 'ok');
    // "Import only the valid rows" has just been replaced along with the old report: keep the focus nearby.
    if (mode === 'valid-only') report.focus();
  }

  function showRejected(problem) {
    const rows = problem.report.rows;
    const anyValid = rows.some((r) => r.status !== 'rejected');
    replace(report,
      h('h3', { text: 'Nothing was imported' }),
      h('p', { class: 'notice notice--error', text: problem.detail }),
      dataTable('Rows of the CSV file', COLUMNS, rows),
      anyValid ? validOnlyButton() : null,
    );
    status.announce(problem.detail, 'error');
    report.focus();
  }

  function validOnlyButton() {
    return h('div', { class: 'actions' }, button('Import only the valid rows', { type: 'button', onclick: () => run('valid-only') }));
  }

  checkButton.addEventListener('click', () => run('check'));
  importForm.addEventListener('submit', (event) => {
    event.preventDefault();
    run('import');
  });

  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading', text: 'Import members from a CSV file' }),
    h('p', {}, 'The first line names the columns: ', h('code', { text: 'name,email,site,profession,role' }),
      '. Role is optional (participant, site_lead or facilitator); each site must be added above first.'),
    folded('Import a file', importForm, report),
  );
}
