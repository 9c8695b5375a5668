// <colearn-activity-poll>: the browser side of the poll activity. The page sets `view` (what the server sent this
// person) and listens for `colearn-send` events carrying {name, body} messages (poll.vote, poll.reveal, poll.close,
// poll.hide). A poll is a choice (radio buttons or checkboxes), a rating (one radio button per point of its scale;
// results as the mean and a bar per point) or a word cloud (up to three words; results as a list of the words with
// how many gave each, which screen readers read, and the same words drawn as a cloud, sized by count, hidden from them;
// facilitators can hide a word).
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
    if (shown) body.append(...meanOf(view), results(view));
    if (this.hasAttribute('facilitator')) body.append(this.facilitatorButtons(view));
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
    if (shown) this._body.append(wordList(view, this.hasAttribute('facilitator') ? (word) => this.send('hide', { word: word.text, hidden: !word.hidden }) : null), wordCloud(view));
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
    status.textContent = `${view.voters} voted${view.open ? '' : '; voting has closed'}.`;
    this._body.append(question, status);
    if (view.kind === 'words') {
      if (view.revealed) this._body.append(wordList(view, null), wordCloud(view));
      this.announceWords(view);
      return;
    }
    const shown = view.revealed && view.answers.every((answer) => answer.votes !== null && answer.votes !== undefined);
    if (shown) this._body.append(...meanOf(view), results(view));
    this.announceResults(view, shown);
  }

  /** Says the results once when they appear for this person (revealed, or a facilitator's first view). */
  announceResults(view, shown) {
    const key = shown && view.revealed ? 'revealed' : null;
    if (key && this._announced !== key) {
      const mean = typeof view.rating?.mean === 'number' ? ` Mean rating ${view.rating.mean.toFixed(1)}.` : '';
      this._region.textContent = `Results of the poll:${mean} ${view.answers.map((answer) => `${answer.text}, ${inWords(answer, view.voters)}`).join('; ')}.`;
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
    return actions;
  }
}

/** "2 votes, 67%": a share of the people who voted (several choices each may add up to more than 100%). */
function inWords(answer, voters) {
  const percent = voters ? Math.round((answer.votes * 100) / voters) : 0;
  return `${answer.votes} ${answer.votes === 1 ? 'vote' : 'votes'}, ${percent}%`;
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
function wordList(view, toggle) {
  const words = (view.cloud?.words ?? []).filter((word) => toggle || !word.hidden);
  if (!words.length) {
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = 'No words yet.';
    return none;
  }
  const list = document.createElement('ul');
  list.className = 'poll-words__list';
  list.setAttribute('aria-label', 'Words given');
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

/** The results as bars: each answer with its count and share of the voters, the bar a native meter. */
function results(view) {
  const list = document.createElement('ul');
  list.className = 'poll-results';
  list.setAttribute('aria-label', 'Results');
  view.answers.forEach((answer) => {
    const item = document.createElement('li');
    item.className = 'poll-results__answer';
    const text = document.createElement('span');
    text.className = 'poll-results__text';
    text.textContent = answer.text;
    const meter = document.createElement('meter');
    meter.className = 'poll-results__bar';
    meter.min = 0;
    meter.max = Math.max(1, view.voters);
    meter.value = answer.votes;
    meter.setAttribute('aria-label', answer.text);
    const count = document.createElement('span');
    count.className = 'poll-results__count';
    count.textContent = inWords(answer, view.voters);
    item.append(text, meter, count);
    list.append(item);
  });
  return list;
}

customElements.define('colearn-activity-poll', ColearnActivityPoll);
