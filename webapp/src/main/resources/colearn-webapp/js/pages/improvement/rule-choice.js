/**
 * The rule variants a reader chooses for a chart, the same on a site's chart and across sites: a shift of 6 or 8
 * points and which run-chart rules; and the list of the rules a chart applies, with their numbers and sources.
 */
import { h } from '../../dom.js';
import { options } from '../../format.js';
import { field } from '../../forms.js';
import { RUN_RULES } from './words.js';

/** The shift and run-chart rules fields, set to the choice the chart applied. */
export function ruleChoiceFields(ruleChoice) {
  return [
    field('runShift', 'A shift on a run chart is', { choices: options({ 6: '6 points in a row', 8: '8 points in a row' }),
      value: String(ruleChoice.runShift) }),
    field('runRules', 'Run-chart rules', { choices: options(RUN_RULES), value: ruleChoice.runRules,
      hint: 'The classic rules: a shift, a trend, too few or too many runs, an astronomical point. Anhøj’s: an unusually long run, unusually few crossings.' }),
  ];
}

/** The query of a chart choice's form values: the chart, and the shift and rules when they are not the defaults. */
export function ruleQuery(values) {
  const query = new URLSearchParams({ chart: values.chart });
  if (values.runShift && values.runShift !== '6') query.set('runShift', values.runShift);
  if (values.runRules && values.runRules !== 'both') query.set('runRules', values.runRules);
  return query;
}

/** Each rule applied, its definition with its numbers and its source. */
export function rulesList(rules) {
  return h('dl', { class: 'facts' }, rules.map((r) => h('div', {},
    h('dt', { text: r.name }), h('dd', { text: `${r.definition} Source: ${r.source}.` }))));
}
