// <colearn-activity-poll>: the browser side of the poll activity. The page sets `view` (what the server sent this
// person) and listens for `colearn-send` events carrying {name, body} messages (poll.vote, poll.reveal, poll.close,
// poll.hide). A poll is a choice (radio buttons or checkboxes), a rating (one radio button per point of its scale;
// results as the mean and a bar per point) or a word cloud (up to three words; results as a list of the words with
// how many gave each, which screen readers read, and the same words drawn as a cloud, sized by count, hidden from them;
// facilitators can hide a word) or a ranking (the answers in a list to put in order with "Move up" and "Move down"
// buttons, each move announced; results as each answer's mean rank and Borda points, most favoured first, as bars).
// Facilitators can split the results into groups shown side by side (clinicians and managers, professions, sites);
// participants see the groups only once the results are shown to them, and a group too small to show on its own is
// merged by the server, which the results then say. The server refuses a split that, compared with one shown before,
// would single someone out; the page says why beside the poll, and the split shown stays as it was.
// A facilitator's page marks the element with the `facilitator` attribute: they also get the buttons that reveal the
// results and close the voting (the server refuses those messages from anyone else). The presenter view marks it
// `presenter`: the question and, once revealed, the results, large, with nothing to press. Everything is rendered as
// text; results are bars (native meters) with each answer's votes and share of the voters, and are announced once.
class ColearnActivityPoll extends HTMLElement {
  set view(view) {
    this._view = view;
    this.render();
  }

  get view() {
    return this._view;
  }

  send(name, body) {
    this.dispatchEvent(new CustomEvent('colearn-send', { bubbles: true, composed: true, detail: { name, body } }));
  }

  render() {
    const view = this._view;
    if (!this._body) {
      // What is said stays in place while the rest is drawn again, so that screen readers hear it.
      this._region = document.createElement('div');
      this._region.setAttribute('aria-live', 'polite');
      this._region.className = 'visually-hidden';
      this._body = document.createElement('div');
      this.replaceChildren(this._body, this._region);
    }
    const body = this._body;
    const focused = this.contains(document.activeElement) ? document.activeElement.dataset?.move : null;
    if (focused) this._focusAfterRender = focused;
    body.replaceChildren();
    if (!view) return;
    if (this.hasAttribute('presenter')) {
      this.present(view);
      return;
    }
    if (view.kind === 'words') {
      this.renderWords(view);
      return;
    }
    if (view.kind === 'ranking') {
      this.renderRanking(view);
      return;
    }
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = view.question;
    fieldset.append(legend);
    const rating = view.kind === 'rating';
    if (rating) {
      fieldset.className = 'poll-scale';
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = `From ${view.rating.lowest} (lowest) to ${view.rating.scale} (highest).`;
      fieldset.append(hint);
    }
    const type = view.multipleChoice ? 'checkbox' : 'radio';
    view.answers.forEach((answer) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = type;
      input.name = 'poll-answer';
      input.value = String(answer.index);
      input.checked = rating ? view.rating.mine === Number(answer.text) : view.myChoices.includes(answer.index);
      input.disabled = !view.open;
      label.append(input, ' ', answer.text);
      fieldset.append(label, rating ? ' ' : document.createElement('br'));
    });
    const answered = rating ? view.rating.mine !== null && view.rating.mine !== undefined : view.myChoices.length > 0;
    const vote = document.createElement('button');
    vote.type = 'button';
    vote.textContent = answered ? 'Change my vote' : 'Vote';
    vote.disabled = !view.open;
    vote.addEventListener('click', () => {
      const checked = [...fieldset.querySelectorAll('input:checked')];
      if (rating) this.send('vote', { rating: checked.length ? Number(view.answers[Number(checked[0].value)].text) : null });
      else this.send('vote', { choices: checked.map((input) => Number(input.value)) });
    });
    const status = document.createElement('p');
    status.textContent = `${view.voters} voted${view.anonymous ? ' (anonymous)' : ''}${view.open ? '' : '; voting has closed'}.`
      + (view.revealed ? ' The results are shown to everyone.' : '');
    body.append(fieldset, vote, status);
    const shown = view.answers.every((answer) => answer.votes !== null && answer.votes !== undefined);
    if (shown) body.append(...resultsOf(view));
    if (this.hasAttribute('facilitator')) body.append(this.facilitatorButtons(view));
    this.announceResults(view, shown);
  }

  /**
   * A ranking: the answers as an ordered list, each with buttons that move it up or down (what the move did is
   * announced, and the focus stays on the answer moved); the order is sent with "Send my ranking".
   */
  renderRanking(view) {
    const mine = view.ranking?.mine ?? [];
    const mineKey = JSON.stringify(mine);
    if (this._mineKey !== mineKey || this._order?.length !== view.answers.length) {
      this._order = mine.length === view.answers.length ? [...mine] : view.answers.map((answer) => answer.index);
      this._mineKey = mineKey;
    }
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'poll-ranking';
    const legend = document.createElement('legend');
    legend.textContent = view.question;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Put the answers in order, the most important first: move each with its buttons.';
    const list = document.createElement('ol');
    list.className = 'poll-ranking__list';
    fieldset.append(legend, hint, list);
    const draw = (focus) => {
      list.replaceChildren(...this._order.map((index, place) => {
        const text = view.answers[index].text;
        const item = document.createElement('li');
        const name = document.createElement('span');
        name.className = 'poll-ranking__text';
        name.textContent = text;
        item.append(name);
        [['up', 'Move up', -1], ['down', 'Move down', 1]].forEach(([key, words, step]) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.dataset.move = `${key}-${index}`;
          const hidden = document.createElement('span');
          hidden.className = 'visually-hidden';
          hidden.textContent = ` ${text}`;
          button.append(words, hidden);
          button.disabled = !view.open || place + step < 0 || place + step >= this._order.length;
          button.addEventListener('click', () => {
            const order = this._order;
            [order[place], order[place + step]] = [order[place + step], order[place]];
            this._region.textContent = `${text} moved to place ${place + step + 1} of ${order.length}.`;
            const to = place + step;
            // At the top or the bottom its button in that direction is gone: the focus goes to the other one.
            draw(`${to + step < 0 || to + step >= order.length ? (key === 'up' ? 'down' : 'up') : key}-${index}`);
          });
          item.append(' ', button);
        });
        return item;
      }));
      if (focus) list.querySelector(`[data-move="${focus}"]`)?.focus();
    };
    draw(this._focusAfterRender);
    this._focusAfterRender = null;
    const send = document.createElement('button');
    send.type = 'button';
    send.textContent = mine.length ? 'Change my ranking' : 'Send my ranking';
    send.disabled = !view.open;
    send.addEventListener('click', () => this.send('vote', { order: [...this._order] }));
    const status = document.createElement('p');
    status.textContent = `${rankingsInWords(view.voters)}${view.anonymous ? ' (anonymous)' : ''}${view.open ? '' : '; ranking has closed'}.`
      + (view.revealed ? ' The results are shown to everyone.' : '');
    this._body.append(fieldset, send, status);
    const shown = (view.ranking?.ranks ?? []).length > 0;
    if (shown) this._body.append(...resultsOf(view));
    if (this.hasAttribute('facilitator')) this._body.append(this.facilitatorButtons(view));
    this.announceResults(view, shown);
  }

  /** A word cloud: up to three words or short phrases, then the words given, as a list and as a cloud. */
  renderWords(view) {
    const form = document.createElement('form');
    form.className = 'poll-words';
    form.noValidate = true;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = view.question;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = 'poll-words-hint';
    hint.textContent = 'Up to three words or short phrases, each up to 40 characters.';
    fieldset.append(legend, hint);
    const mine = view.cloud?.mine ?? [];
    const inputs = [0, 1, 2].map((n) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'text';
      input.maxLength = 40;
      input.autocomplete = 'off';
      input.value = mine[n] ?? '';
      input.disabled = !view.open;
      input.setAttribute('aria-describedby', hint.id);
      label.append(`Word ${n + 1}`, ' ', input);
      fieldset.append(label);
      return input;
    });
    const send = document.createElement('button');
    send.type = 'submit';
    send.textContent = mine.length ? 'Change my words' : 'Send my words';
    send.disabled = !view.open;
    form.append(fieldset, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.send('vote', { words: inputs.map((input) => input.value.trim()).filter(Boolean) });
    });
    const status = document.createElement('p');
    status.textContent = `${view.voters} answered${view.anonymous ? ' (anonymous)' : ''}${view.open ? '' : '; answering has closed'}.`
      + (view.revealed ? ' The words are shown to everyone.' : '');
    this._body.append(form, status);
    const shown = view.revealed || this.hasAttribute('facilitator');
    if (shown && view.groups) this._body.append(...resultsOf(view));
    else if (shown) this._body.append(wordList(view, this.hasAttribute('facilitator') ? (word) => this.send('hide', { word: word.text, hidden: !word.hidden }) : null), wordCloud(view));
    if (this.hasAttribute('facilitator')) this._body.append(this.facilitatorButtons(view));
    this.announceWords(view);
  }

  announceWords(view) {
    const key = view.revealed ? 'revealed' : null;
    if (key && this._announced !== key) {
      const words = (view.cloud?.words ?? []).filter((word) => !word.hidden);
      this._region.textContent = words.length
        ? `The words given: ${words.map((word) => `${word.text}, ${peopleInWords(word.count)}`).join('; ')}.`
        : 'No words were given.';
    }
    this._announced = key;
  }

  /** On a projector: the question, how many voted, and the results once revealed (never before, whoever is logged in). */
  present(view) {
    const question = document.createElement('p');
    question.className = 'poll-question';
    question.textContent = view.question;
    const status = document.createElement('p');
    status.textContent = view.kind === 'ranking' ? `${rankingsInWords(view.voters)}${view.open ? '' : '; ranking has closed'}.`
      : `${view.voters} voted${view.open ? '' : '; voting has closed'}.`;
    this._body.append(question, status);
    if (view.kind === 'words') {
      if (view.revealed) this._body.append(...(view.groups ? resultsOf(view) : [wordList(view, null), wordCloud(view)]));
      this.announceWords(view);
      return;
    }
    const shown = view.revealed && (view.kind === 'ranking' ? (view.ranking?.ranks ?? []).length > 0
      : view.answers.every((answer) => answer.votes !== null && answer.votes !== undefined));
    if (shown) this._body.append(...resultsOf(view));
    this.announceResults(view, shown);
  }

  /** Says the results once when they appear for this person (revealed, or a facilitator's first view). */
  announceResults(view, shown) {
    const key = shown && view.revealed ? 'revealed' : null;
    if (key && this._announced !== key) {
      const mean = typeof view.rating?.mean === 'number' ? ` Mean rating ${view.rating.mean.toFixed(1)}.` : '';
      this._region.textContent = view.kind === 'ranking'
        ? `Results of the ranking: ${view.ranking.ranks.map((rank, place) => `${place + 1}. ${rank.text}, ${rankInWords(rank)}`).join('; ')}.`
        : `Results of the poll:${mean} ${view.answers.map((answer) => `${answer.text}, ${inWords(answer, view.voters)}`).join('; ')}.`;
    }
    this._announced = key;
  }

  facilitatorButtons(view) {
    const actions = document.createElement('p');
    const button = (text, name) => {
      const control = document.createElement('button');
      control.type = 'button';
      control.textContent = text;
      control.addEventListener('click', () => this.send(name, {}));
      return control;
    };
    if (!view.revealed) actions.append(button('Reveal results', 'reveal'), ' ');
    if (view.open) actions.append(button('Close voting', 'close'));
    const split = document.createElement('div');
    split.className = 'poll-split';
    split.setAttribute('role', 'group');
    split.setAttribute('aria-label', 'Split the results');
    const title = document.createElement('span');
    title.textContent = 'Results: ';
    split.append(title);
    SPLITS.forEach(([by, words]) => {
      const control = document.createElement('button');
      control.type = 'button';
      control.textContent = words;
      control.setAttribute('aria-pressed', String((view.split ?? 'all') === by));
      control.addEventListener('click', () => this.send('split', { by }));
      split.append(control, ' ');
    });
    const controls = document.createElement('div');
    controls.append(actions, split);
    return controls;
  }
}

/** "2 votes, 67%": a share of the people who voted (several choices each may add up to more than 100%). */
function inWords(answer, voters) {
  const percent = voters ? Math.round((answer.votes * 100) / voters) : 0;
  return `${answer.votes} ${answer.votes === 1 ? 'vote' : 'votes'}, ${percent}%`;
}

/** How the facilitator may split the results, as the server names them and in words. */
const SPLITS = [['all', 'All'], ['clinicians_managers', 'Clinicians and managers'], ['profession', 'By profession'], ['site', 'By site']];

/** "1 ranking", "3 rankings". */
function rankingsInWords(count) {
  return `${count} ${count === 1 ? 'ranking' : 'rankings'}`;
}

/** "mean rank 1.3, 8 points". */
function rankInWords(rank) {
  const mean = typeof rank.meanRank === 'number' ? rank.meanRank.toFixed(1) : '–';
  return `mean rank ${mean}, ${rank.points} ${rank.points === 1 ? 'point' : 'points'}`;
}

/**
 * The results shown: the whole poll's, or, when the facilitator split them, each group's side by side, under its
 * name and how many answered, with a line saying when small groups were merged.
 */
function resultsOf(view) {
  if (!view.groups) return partOf(view);
  const groups = document.createElement('div');
  groups.className = 'poll-groups';
  view.groups.forEach((group, n) => {
    const section = document.createElement('section');
    section.className = 'poll-group';
    const heading = document.createElement('h3');
    heading.id = `poll-group-${n}`;
    heading.textContent = group.label;
    section.setAttribute('aria-labelledby', heading.id);
    const count = document.createElement('p');
    count.textContent = view.kind === 'ranking' ? rankingsInWords(group.voters) : `${peopleInWords(group.voters)} answered`;
    section.append(heading, count, ...partOf({
      ...view,
      voters: group.voters,
      answers: group.answers,
      rating: view.rating && { ...view.rating, mean: group.mean },
      cloud: { words: group.words },
      ranking: { ranks: group.ranks },
    }, group.label));
    groups.append(section);
  });
  const parts = [groups];
  if (view.groups.some((group) => group.merged)) {
    const merged = document.createElement('p');
    merged.className = 'hint poll-groups__merged';
    merged.textContent = 'Groups of fewer than 3 people are merged into Other (or into the smallest group, as "and others") so that no one\'s answer can be told.';
    parts.unshift(merged);
  }
  return parts;
}

/** One part of the results (everyone's, or a group's, named by `group`) by the poll's kind. */
function partOf(view, group) {
  if (view.kind === 'words') return [wordList(view, null, group), wordCloud(view)];
  if (view.kind === 'ranking') return [ranks(view, group)];
  return [...meanOf(view), results(view, group)];
}

/** A ranking's results as bars, the most favoured first: each answer's Borda points (the bar) and mean rank. */
function ranks(view, group) {
  const most = Math.max(1, (view.answers.length - 1) * view.voters);
  return bars('ol', group ? `Ranks: ${group}` : 'Ranks', (view.ranking?.ranks ?? [])
    .map((rank) => [rank.text, rank.points, most, group, rankInWords(rank)]));
}

/** "1 person", "3 people". */
function peopleInWords(count) {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** A rating's mean, as a line above its bars; nothing for other kinds or before anyone rated. */
function meanOf(view) {
  if (typeof view.rating?.mean !== 'number') return [];
  const mean = document.createElement('p');
  mean.className = 'poll-mean';
  mean.textContent = `Mean rating: ${view.rating.mean.toFixed(1)} out of ${view.rating.scale}`;
  return [mean];
}

/**
 * The words given, most often first, each with how many people gave it; for facilitators (`toggle` given), a button
 * beside each that hides it from everyone, or shows it again.
 */
function wordList(view, toggle, group) {
  const words = (view.cloud?.words ?? []).filter((word) => toggle || !word.hidden);
  if (!words.length) {
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = 'No words yet.';
    return none;
  }
  const list = document.createElement('ul');
  list.className = 'poll-words__list';
  list.setAttribute('aria-label', group ? `Words given: ${group}` : 'Words given');
  words.forEach((word) => {
    const item = document.createElement('li');
    item.append(`${word.text}: ${peopleInWords(word.count)}`);
    if (word.hidden) item.append(' (hidden from everyone)');
    if (toggle) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'poll-words__hide';
      const hiddenText = document.createElement('span');
      hiddenText.className = 'visually-hidden';
      hiddenText.textContent = ` ${word.text}`;
      button.append(word.hidden ? 'Show' : 'Hide', hiddenText);
      button.addEventListener('click', () => toggle(word));
      item.append(' ', button);
    }
    list.append(item);
  });
  return list;
}

/** The words drawn as a cloud, each sized by how many gave it; the list above says the same to screen readers. */
function wordCloud(view) {
  const words = (view.cloud?.words ?? []).filter((word) => !word.hidden);
  const cloud = document.createElement('p');
  cloud.className = 'poll-cloud';
  cloud.setAttribute('aria-hidden', 'true');
  const most = Math.max(1, ...words.map((word) => word.count));
  words.forEach((word) => {
    const span = document.createElement('span');
    span.className = 'poll-cloud__word';
    span.style.fontSize = `${(1 + (1.5 * word.count) / most).toFixed(2)}em`;
    span.textContent = word.text;
    cloud.append(span, ' ');
  });
  return cloud;
}

/** The results as bars: each answer with its count and share of the voters. */
function results(view, group) {
  return bars('ul', group ? `Results: ${group}` : 'Results', view.answers
    .map((answer) => [answer.text, answer.votes, Math.max(1, view.voters), group, inWords(answer, view.voters)]));
}

/** A list of bars, each a native meter between its text and its value in words, named by its text (and group). */
function bars(tag, name, rows) {
  const list = document.createElement(tag);
  list.className = 'poll-results';
  list.setAttribute('aria-label', name);
  rows.forEach(([label, value, max, group, said]) => {
    const item = document.createElement('li');
    item.className = 'poll-results__answer';
    const text = document.createElement('span');
    text.className = 'poll-results__text';
    text.textContent = label;
    const meter = document.createElement('meter');
    meter.className = 'poll-results__bar';
    meter.min = 0;
    meter.max = max;
    meter.value = value;
    meter.setAttribute('aria-label', group ? `${label}, ${group}` : label);
    const count = document.createElement('span');
    count.className = 'poll-results__count';
    count.textContent = said;
    item.append(text, meter, count);
    list.append(item);
  });
  return list;
}

customElements.define('colearn-activity-poll', ColearnActivityPoll);
