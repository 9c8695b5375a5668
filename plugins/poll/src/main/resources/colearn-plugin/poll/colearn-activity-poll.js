// <colearn-activity-poll>: the browser side of the poll activity. The page sets `view` (what the server sent this
// person) and listens for `colearn-send` events carrying {name, body} messages (poll.vote, poll.reveal, poll.close).
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
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = view.question;
    fieldset.append(legend);
    const type = view.multipleChoice ? 'checkbox' : 'radio';
    view.answers.forEach((answer) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = type;
      input.name = 'poll-answer';
      input.value = String(answer.index);
      input.checked = view.myChoices.includes(answer.index);
      input.disabled = !view.open;
      label.append(input, ' ', answer.text);
      fieldset.append(label, document.createElement('br'));
    });
    const vote = document.createElement('button');
    vote.type = 'button';
    vote.textContent = view.myChoices.length ? 'Change my vote' : 'Vote';
    vote.disabled = !view.open;
    vote.addEventListener('click', () => {
      const choices = [...fieldset.querySelectorAll('input:checked')].map((input) => Number(input.value));
      this.send('vote', { choices });
    });
    const status = document.createElement('p');
    status.textContent = `${view.voters} voted${view.anonymous ? ' (anonymous)' : ''}${view.open ? '' : '; voting has closed'}.`
      + (view.revealed ? ' The results are shown to everyone.' : '');
    body.append(fieldset, vote, status);
    const shown = view.answers.every((answer) => answer.votes !== null && answer.votes !== undefined);
    if (shown) body.append(results(view));
    if (this.hasAttribute('facilitator')) body.append(this.facilitatorButtons(view));
    this.announceResults(view, shown);
  }

  /** On a projector: the question, how many voted, and the results once revealed (never before, whoever is logged in). */
  present(view) {
    const question = document.createElement('p');
    question.className = 'poll-question';
    question.textContent = view.question;
    const status = document.createElement('p');
    status.textContent = `${view.voters} voted${view.open ? '' : '; voting has closed'}.`;
    this._body.append(question, status);
    const shown = view.revealed && view.answers.every((answer) => answer.votes !== null && answer.votes !== undefined);
    if (shown) this._body.append(results(view));
    this.announceResults(view, shown);
  }

  /** Says the results once when they appear for this person (revealed, or a facilitator's first view). */
  announceResults(view, shown) {
    const key = shown && view.revealed ? 'revealed' : null;
    if (key && this._announced !== key) {
      this._region.textContent = `Results of the poll: ${view.answers.map((answer) => `${answer.text}, ${inWords(answer, view.voters)}`).join('; ')}.`;
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
