// <colearn-activity-poll>: the browser side of the poll activity. The page sets `view` (what the server sent this
// person) and listens for `colearn-send` events carrying {name, body} messages (poll.vote, poll.reveal, poll.close).
// A facilitator's page marks the element with the `facilitator` attribute: they also get the buttons that reveal the
// results and close the voting (the server refuses those messages from anyone else). Everything is rendered as text.
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
    this.replaceChildren();
    if (!view) return;
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
      if (answer.votes !== null && answer.votes !== undefined) {
        const count = document.createElement('span');
        count.textContent = ` (${answer.votes})`;
        label.append(count);
      }
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
    this.append(fieldset, vote, status);
    if (this.hasAttribute('facilitator')) this.append(this.facilitatorButtons(view));
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

customElements.define('colearn-activity-poll', ColearnActivityPoll);
