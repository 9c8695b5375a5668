// The chart drawing of the web app for activity plugins, served at /plugin-kit/charts.js: the very module the
// improvement pages draw run and SPC charts with, so a chart in a live activity follows the same rules, colours and
// words as on the site's page. docs/plugins.md describes each export.
export { chartName, chartSvg, periodName } from '../js/pages/improvement/chart.js';
export { shown } from '../js/pages/improvement/words.js';
export { dataTable } from '../js/table.js';
