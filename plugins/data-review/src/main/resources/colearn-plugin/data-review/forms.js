// The controls of a data review: the facilitator's moves between sites, and the forms for a question and a note,
// made once so that what someone is typing survives every new view.
import { h, uid } from '/plugin-kit/dom.js';

function button(text, onclick, props = {}) {
  return h('button', { type: 'button', class: 'data-review-button', ...props, onclick }, text);
}

export function siteControls(view, send) {
  const select = h('select', { id: uid('data-review-site'), key: 'site-choice' },
    view.sites.map((site, i) => h('option', { value: String(i), selected: i === view.current, text: `${i + 1}. ${site.name}${site.shared ? '' : ' (not shared)'}` })));
  return h('div', { class: 'data-review-controls', role: 'group', 'aria-label': 'Bring a site to the screen' },
    button('Previous site', () => send('previous', {}), { key: 'previous', disabled: view.current === 0 }),
    button('Next site', () => send('next', {}), { key: 'next', disabled: view.current >= view.sites.length - 1 }),
    h('label', { for: select.id, text: 'Site' }),
    select,
    button('Show', () => send('show', { site: Number(select.value) }), { key: 'show' }),
    button('Read the charts again', () => send('refresh', {}), { key: 'refresh', class: 'data-review-button data-review-button--quiet' }));
}

/** A form with one text field, its problem said beside it; `body(text)` makes the message. */
function textForm(send, { label, submit, name, key, body }) {
  const input = h('input', { type: 'text', id: uid(`data-review-${key}`), maxlength: '500', autocomplete: 'off', key: `${key}-text` });
  const problem = h('p', { class: 'data-review-problem', id: uid('data-review-problem'), hidden: true });
  const extras = h('div', { class: 'data-review-extra' });
  const form = h('form', { class: 'data-review-form', 'aria-label': label },
    h('label', { for: input.id, text: label }),
    h('div', { class: 'data-review-row' }, input, h('button', { type: 'submit', class: 'data-review-button', key: `${key}-add` }, submit)),
    extras,
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    problem.hidden = true;
    if (!text) {
      problem.textContent = 'Write something first.';
      problem.hidden = false;
      input.setAttribute('aria-describedby', problem.id);
      input.focus();
      return;
    }
    try {
      await send(name, body(text));
      input.value = '';
      input.removeAttribute('aria-describedby');
    } catch {
      // The page says the refusal in words beside the activity; what was typed stays.
    }
  });
  return { form, extras };
}

export function askForm(send) {
  return textForm(send, { label: 'Your question to this site', submit: 'Ask', name: 'ask', key: 'ask', body: (text) => ({ text }) }).form;
}

/** The note form; a site's member also chooses whether the note is for their site or for themselves. */
export function noteForm(send) {
  const forSite = h('input', { type: 'checkbox', id: uid('data-review-for-site'), key: 'note-for-site' });
  const choice = h('div', { class: 'data-review-check' }, forSite,
    h('label', { for: forSite.id, text: 'For my site (its members see it); otherwise only I see it' }));
  const made = textForm(send, { label: 'What I take back from this site', submit: 'Note it', name: 'note', key: 'note', body: (text) => ({ text, forSite: forSite.checked && choice.isConnected }) });
  return (member) => {
    made.extras.replaceChildren(member ? choice : '');
    return made.form;
  };
}
