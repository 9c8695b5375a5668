// <colearn-activity-data-review>: the browser side of the data review. The page sets `view` (what the server sent
// this person, DataReviewViews.View) and listens for `colearn-send` events carrying {name, body} messages
// (data-review.next, data-review.ask, ...); it may set `detail.reply` to a promise of the server's answer. A site's
// chart and questions are in the view only for people who may see its data: everyone else gets a notice instead.
// Charts are drawn by the web app's own chart module, served to plugins as /plugin-kit/charts.js. Everything is
// rendered as text; each view redraws the review, keeping the focus and what was being typed.
import { h, plural } from '/plugin-kit/dom.js';
import { chartSvg, dataTable, periodName, shown } from '/plugin-kit/charts.js';
import { ActivityElement } from '/plugin-kit/element.js';
import { askForm, noteForm, siteControls } from './forms.js';

class ColearnActivityDataReview extends ActivityElement {
  constructor() {
    super({ className: 'data-review', stylesheet: new URL('data-review.css', import.meta.url).href });
    const send = (name, body) => this.send(name, body);
    this._askForm = askForm(send);
    this._noteForm = noteForm(send);
    this._shown = null;
  }

  render() {
    const view = this.view;
    if (!view) {
      this.redraw();
      return;
    }
    const presenter = this.hasAttribute('presenter');
    const facilitator = this.hasAttribute('facilitator') && !presenter;
    const send = (name, body) => this.send(name, body);
    const turn = view.turn;
    this.redraw(
      h('h3', { text: `Data review: ${view.measure}`, tabindex: '-1' }),
      view.definition ? h('p', { class: 'data-review-definition', text: view.definition }) : null,
      facilitator && view.sites.length ? siteControls(view, send) : null,
      turn ? this.turnPart(view, turn, { facilitator, presenter, send }) : h('p', { class: 'data-review-notice', text: 'No site has values for this measure yet.' }),
      presenter ? null : notesPart(view, turn, this._noteForm));
    const key = turn ? `${view.current}:${turn.site}` : '';
    if (this._shown !== null && this._shown !== key && turn) {
      this.announce(`Now on the screen: ${turn.site}, site ${view.current + 1} of ${view.sites.length}.`);
    }
    this._shown = key;
  }

  turnPart(view, turn, { facilitator, presenter, send }) {
    const heading = h('h4', { text: `${turn.site} (site ${view.current + 1} of ${view.sites.length})` });
    const presenting = h('p', { class: 'data-review-presenter', testid: 'presenter', text: turn.presenter ? `Presenting: ${turn.presenter}` : 'Nobody from this site presents yet.' });
    // The presenter view is on a projector, before the whole room: a chart not shared with the collaborative stays off it.
    if (!turn.visible || (presenter && !turn.shared)) {
      return h('section', { class: 'data-review-turn', 'aria-label': turn.site }, heading, presenting,
        h('p', { class: 'data-review-notice', testid: 'not-shared', text: turn.notice ?? 'This site\'s data are not shared' }));
    }
    if (!turn.chart) {
      return h('section', { class: 'data-review-turn', 'aria-label': turn.site }, heading, presenting,
        h('p', { class: 'data-review-notice', text: `${turn.site} has no values for this measure now.` }));
    }
    const chart = JSON.parse(turn.chart);
    return h('section', { class: 'data-review-turn', 'aria-label': turn.site },
      heading,
      presenting,
      turn.yourSite && !presenter ? h('button', { type: 'button', class: 'data-review-button', key: 'present', onclick: () => send('present', {}) }, 'We present our chart') : null,
      turn.shared ? null : h('p', { class: 'data-review-private', text: `${turn.site} has not shared its data with the collaborative: only its members, its buddy pair and the facilitators see this chart.` }),
      h('figure', { class: 'data-review-figure' },
        chartSvg(chart, `${view.measure} at ${turn.site}`, { width: 720, height: 340 }),
        h('figcaption', { class: 'chart-summary', testid: 'chart-summary', text: turn.summary }),
        restarts(chart, turn.site)),
      presenter ? null : h('details', { class: 'data-review-data' },
        h('summary', { text: 'The chart’s data' }),
        dataTable(`${view.measure} at ${turn.site}`, [
          { label: 'Period', cell: (p) => p.period },
          { label: 'Plotted', cell: (p) => (p.value === null ? 'Missing' : shown(p.value * chart.scale, chart.unit)) },
          { label: 'Centre', cell: (p) => (p.centre === null ? '' : shown(p.centre * chart.scale, chart.unit)) },
          { label: 'Rules', cell: (p) => p.rules.map((r) => chart.analysis.rules.find((rule) => rule.id === r)?.name ?? r).join(', ') },
        ], chart.analysis.points)),
      questionsPart(turn, { mayAnswer: turn.yourSite || facilitator, presenter, send, form: this._askForm }));
  }
}

/** Where the centre line and limits start again, at the change points the site's team marked, as its chart page draws them. */
function restarts(chart, site) {
  const from = chart.analysis.segments.slice(1).map((segment) => periodName(segment.from));
  if (!from.length) return null;
  return h('p', { class: 'data-review-hint', testid: 'change-points',
    text: `The centre line and limits start again in ${from.join(' and in ')}, where ${site}'s team marked a change.` });
}

function questionsPart(turn, { mayAnswer, presenter, send, form }) {
  const open = turn.questions.filter((q) => !q.answered).length;
  return h('section', { class: 'data-review-part', 'aria-label': `Questions to ${turn.site}` },
    h('h4', { text: `Questions to ${turn.site} (${plural(open, 'open question')})` }),
    turn.questions.length ? h('ul', { class: 'data-review-questions', testid: 'questions' }, turn.questions.map((q) => h('li', { class: q.answered ? 'data-review-answered' : '' },
      h('span', { text: q.text }),
      h('span', { class: 'data-review-by', text: ` asked by ${q.asker}` }),
      q.answered ? h('span', { class: 'data-review-tag', text: 'Answered' }) : null,
      !q.answered && mayAnswer && !presenter ? h('button', { type: 'button', class: 'data-review-button data-review-button--quiet', key: `answer-${q.id}`, 'aria-label': `Mark answered: ${q.text}`, onclick: () => send('answer', { id: q.id }) }, 'Mark answered') : null)))
      : h('p', { class: 'data-review-hint', text: 'No questions yet.' }),
    presenter ? null : form);
}

function notesPart(view, turn, form) {
  return h('section', { class: 'data-review-part', 'aria-label': 'What we take back' },
    h('h4', { text: 'What we take back' }),
    view.notes.length ? h('ul', { class: 'data-review-notes', testid: 'notes' }, view.notes.map((n) => h('li', {},
      h('span', { text: n.text }),
      h('span', { class: 'data-review-by', text: n.site ? ` (from ${n.about}, for ${n.site})` : ` (from ${n.about}, only you see it)` }))))
      : h('p', { class: 'data-review-hint', text: 'Nothing noted yet.' }),
    turn && turn.visible ? form(view.member) : null);
}

customElements.define('colearn-activity-data-review', ColearnActivityDataReview);
