// The guided form that tells a story to the circle, the panel that shows an anonymous teller their key once, and the
// form that brings one of the person's own stories from the catalogue. Each is made once, so that what someone is
// typing survives every new view.
import { copyText, h } from '/plugin-kit/dom.js';
import { button, field, radios } from './controls.js';
import { forget, newKey, newRef, remember } from './keys.js';

const CREDITS = [
  ['person', 'Me, by name'],
  ['site', "My site's team"],
  ['anonymous', 'Anonymous', 'No one, not even the facilitators or the server\'s admins, can tell who wrote it.'],
];

/**
 * The story form. `context` gives `send(name, body)` (a promise of the server's answer), `told(ref, title)` to
 * remember the title of a story sent from here, and `say(text)` to announce.
 */
export function storyForm(context) {
  const inputs = {
    title: h('input', { type: 'text', id: 'fc-title', maxlength: '200', required: true, 'aria-required': 'true' }),
    topic: h('input', { type: 'text', id: 'fc-topic', maxlength: '200', required: true, 'aria-required': 'true' }),
    changeIdea: h('input', { type: 'text', id: 'fc-change-idea', maxlength: '200', required: true, 'aria-required': 'true' }),
    tried: h('textarea', { id: 'fc-tried', rows: '3', maxlength: '4000', required: true, 'aria-required': 'true' }),
    happened: h('textarea', { id: 'fc-happened', rows: '3', maxlength: '4000', required: true, 'aria-required': 'true' }),
    learned: h('textarea', { id: 'fc-learned', rows: '3', maxlength: '4000', required: true, 'aria-required': 'true' }),
    differently: h('textarea', { id: 'fc-differently', rows: '2', maxlength: '4000' }),
    tags: h('input', { type: 'text', id: 'fc-tags' }),
  };
  const credit = radios('fc-credit', 'Who should it be credited to?', CREDITS, 'person');
  const confirm = h('input', { type: 'checkbox', id: 'fc-confirm' });
  const findingsText = h('p', { class: 'fc-findings-text', id: 'fc-findings-text' });
  // The warning sits at the top of the form, with the confirmation; every part it concerns is marked, with its own
  // findings beside it.
  const findings = h('div', { class: 'notice fc-findings', testid: 'patient-data-findings', hidden: true },
    findingsText,
    h('div', { class: 'field__check' }, confirm,
      h('label', { for: 'fc-confirm', text: 'I have checked: it does not identify a patient. Send it as it is.' })));
  const problem = h('p', { class: 'field-error', id: 'fc-story-problem', hidden: true });
  const done = h('p', { class: 'notice notice--ok', testid: 'story-sent', tabindex: '-1', hidden: true });
  const keyPanel = h('div', { class: 'fc-key-slot' });
  let pending = {};

  const form = h('form', { class: 'fc-story-form', novalidate: true, 'aria-labelledby': 'fc-tell-heading', testid: 'story-form' },
    findings,
    h('p', { class: 'hint', text: 'Every part is needed except what you would do differently and the tags: the story '
      + 'catalogue asks for the same, so the story can go there if you choose.' }),
    field('Title', inputs.title),
    field('Topic', inputs.topic, 'Such as handover, deterioration, discharge.'),
    field('Change idea', inputs.changeIdea, 'The change you were testing, such as a safety huddle.'),
    field('What we tried', inputs.tried),
    field('What happened', inputs.happened),
    field('What we learned', inputs.learned),
    field('What we would do differently (optional)', inputs.differently),
    field('Tags (optional)', inputs.tags, 'Up to 12, separated by commas.'),
    credit.element,
    problem,
    h('button', { type: 'submit', class: 'button', id: 'fc-submit', text: 'Send my story to the circle' }));

  // The control a refusal names is marked invalid, described by the refusal's sentence, and given the focus.
  const controlOf = (fieldName) => (fieldName === 'credit' ? credit.inputs.find((input) => input.checked) : inputs[fieldName]);
  const markInvalid = (fieldName, ...messages) => {
    const control = controlOf(fieldName);
    if (!control) return;
    control.dataset.fcDescribedBy ??= control.getAttribute('aria-describedby') ?? '';
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.dataset.fcDescribedBy, ...messages.map((message) => message.id)].join(' ').trim());
    control.focus();
  };
  // A flagged part's own findings, right after it: "May identify a patient: nhs number, date of birth."
  const noteFindings = (fieldName, message) => {
    const control = controlOf(fieldName);
    const note = h('p', { class: 'field-error fc-field-finding', id: `${control.id}-finding`, testid: 'patient-data-finding',
      text: findingsOf(control, message) });
    control.after(note);
    return note;
  };
  const clearInvalid = () => [...Object.values(inputs), ...credit.inputs].forEach((control) => {
    document.getElementById(`${control.id}-finding`)?.remove();
    control.removeAttribute('aria-invalid');
    if (control.dataset.fcDescribedBy === undefined) return;
    if (control.dataset.fcDescribedBy) control.setAttribute('aria-describedby', control.dataset.fcDescribedBy);
    else control.removeAttribute('aria-describedby');
    delete control.dataset.fcDescribedBy;
  });
  const showProblem = (text, fieldName) => {
    problem.textContent = text;
    problem.hidden = !text;
    if (text) markInvalid(fieldName, problem);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearInvalid();
    showProblem('');
    done.hidden = true;
    const missing = ['title', 'topic', 'changeIdea', 'tried', 'happened', 'learned'].find((name) => !inputs[name].value.trim());
    if (missing) {
      showProblem(`Fill in ${form.querySelector(`label[for="${inputs[missing].id}"]`).textContent.toLowerCase()}.`, missing);
      return;
    }
    const chosen = credit.value();
    // The same ref (and key) until the server accepts the story: sending again after a refusal or a lost connection
    // never makes two.
    pending.ref ??= newRef();
    if (chosen === 'anonymous') {
      pending.key ??= newKey();
      pending.kept = remember(pending.ref, pending.key);
    }
    const body = {
      ref: pending.ref,
      title: inputs.title.value.trim(),
      topic: inputs.topic.value.trim(),
      changeIdea: inputs.changeIdea.value.trim(),
      tried: inputs.tried.value.trim(),
      happened: inputs.happened.value.trim(),
      learned: inputs.learned.value.trim(),
      differently: inputs.differently.value.trim(),
      tags: inputs.tags.value.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean),
      credit: chosen,
      key: chosen === 'anonymous' ? pending.key : null,
      confirmNotIdentifying: !findings.hidden && confirm.checked,
    };
    if (chosen === 'anonymous') {
      // The server holds an anonymous story a random while, so that when it arrives says nothing of who told it.
      done.textContent = 'Your story will appear shortly.';
      done.hidden = false;
      context.say(done.textContent);
    }
    try {
      await context.send('submit', body);
    } catch (error) {
      done.hidden = true;
      if (error?.code === 'patient_data_suspected') {
        findingsText.textContent = error.message;
        findings.hidden = false;
        confirm.checked = false;
        const flagged = (error.fields?.length ? error.fields : [error.field]).filter((name) => controlOf(name));
        // Every flagged part is marked with its findings, the first gets the focus, to change it; the confirmation
        // is at the top, with the summary.
        flagged.reverse().forEach((name) => markInvalid(name, noteFindings(name, error.message), findingsText));
        if (!flagged.length) confirm.focus();
      } else {
        showProblem(error?.message ?? 'The story was not sent. Please try again.', error?.field);
      }
      return;
    }
    context.told(body.ref, body.title);
    const sent = pending;
    pending = {};
    Object.values(inputs).forEach((input) => { input.value = ''; });
    clearInvalid();
    findings.hidden = true;
    confirm.checked = false;
    if (chosen === 'anonymous') {
      done.hidden = true;
      keyPanel.replaceChildren(keyBox(sent, () => {
        keyPanel.replaceChildren();
        inputs.title.focus();
      }, context.say));
      keyPanel.querySelector('input').focus();
      context.say('Your story is in the queue, anonymously. Copy the key shown below now: it is shown only this once.');
    } else {
      done.textContent = 'Your story is in the queue. You can take it back until it is shared.';
      done.hidden = false;
      done.focus();
      context.say(done.textContent);
    }
  });
  return h('div', {}, form, keyPanel, done);
}

/**
 * The findings of one part, read from the server's warning, which names each part as its label does and each finding
 * in brackets after it ("what happened (nhs number)"); a plain sentence when the warning words it otherwise.
 */
function findingsOf(control, message) {
  const label = control.labels?.[0]?.textContent.replace(/\s*\(optional\)$/, '').toLowerCase() ?? '';
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const kinds = [...String(message ?? '').matchAll(new RegExp(`(?:^|[:,] )(?:the )?${escaped} \\(([^)]+)\\)`, 'gi'))]
    .map((found) => found[1]);
  return kinds.length ? `May identify a patient: ${kinds.join(', ')}.` : 'This part may identify a patient.';
}

/** The key of an anonymous story, shown once, with what it is for, a copy button and where to use it later. */
function keyBox({ key, kept }, dismiss, say) {
  const value = h('input', { type: 'text', id: 'fc-key-value', readonly: true, value: key, testid: 'anonymous-key-value', size: '46',
    class: 'mono', spellcheck: 'false', 'aria-describedby': 'fc-key-words' });
  const copied = h('span', { class: 'copied', 'aria-hidden': 'true' });
  const copy = button('Copy key', async () => {
    const ok = await copyText(value);
    copied.textContent = ok ? 'Copied' : '';
    say(ok ? 'Key copied. Keep it somewhere safe.'
      : 'Key not copied: this browser did not allow it. The key is selected; press Ctrl+C (or Cmd+C) to copy it.');
  }, { class: 'button button--secondary', testid: 'anonymous-key-copy' });
  return h('section', { class: 'key-box notice', testid: 'anonymous-key', 'aria-labelledby': 'fc-key-heading' },
    h('h4', { id: 'fc-key-heading', text: 'Keep this key: it is shown only this once' }),
    h('p', { id: 'fc-key-words', text: 'This key is the only thing that shows the story is yours: the circle keeps no note of who sent it, '
      + 'and nobody can show you the key again. '
      + (kept ? 'This browser keeps it, so that you can take the story back here while it waits, '
        : 'This browser could not keep it, ')
      + 'but copy it somewhere safe now: if you publish the story to the catalogue, the same key lets you edit it, add '
      + 'what changed since or withdraw it there, from any device.' }),
    field('Your key', value),
    h('div', { class: 'actions' }, copy, ' ', copied),
    h('p', {}, h('a', { href: '#/my-anonymous-story', target: '_blank', rel: 'noopener',
      text: 'Open a published story with your key (opens in a new tab)' })),
    button('I have kept my key', dismiss, { testid: 'anonymous-key-done' }));
}

/** "Bring one of my stories": a catalogue story by its id or link, with its edit key if it is anonymous. */
export function bringForm(context) {
  const story = h('input', { type: 'text', id: 'fc-bring-story' });
  const key = h('input', { type: 'text', id: 'fc-bring-key', autocomplete: 'off' });
  const note = h('p', { class: 'hint', id: 'fc-bring-result', tabindex: '-1', 'aria-live': 'off' });
  const form = h('form', { class: 'fc-bring-form', novalidate: true, 'aria-labelledby': 'fc-bring-heading', testid: 'bring-form' },
    field('Story id or link', story, 'From the story catalogue: the address of the story, or its id.'),
    field('Edit key (only for an anonymous story)', key),
    h('button', { type: 'submit', class: 'button button--secondary', id: 'fc-bring', text: 'Bring this story' }),
    note);
  whenStoryGiven({ form, story, note, done: 'Your story is in the queue.', say: context.say }, async (storyId) => {
    const ref = newRef();
    const editKey = key.value.trim() || null;
    // An anonymous story is recognised by its key: the browser keeps it to take the story back from the queue.
    if (editKey) remember(ref, editKey);
    try {
      await context.send('bring', { ref, storyId, key: editKey });
    } catch (error) {
      if (editKey) forget(ref);
      throw error;
    }
    key.value = '';
  });
  return form;
}

/**
 * Sends a form that names a catalogue story by its id or link with `deliver(storyId)`, and says the outcome in `note`:
 * the focus goes back to the story field after a refusal, to the note after success.
 */
export function whenStoryGiven({ form, story, note, done, say }, deliver) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const storyId = storyIdOf(story.value);
    if (!storyId) {
      note.textContent = 'Give the story\'s id or link.';
      story.focus();
      return;
    }
    try {
      await deliver(storyId);
    } catch (error) {
      note.textContent = error?.message ?? 'That did not work. Please try again.';
      story.focus();
      return;
    }
    story.value = '';
    note.textContent = done;
    note.focus();
    say(done);
  });
}

/** The id in "https://…/#/stories/abc-123" or "abc-123"; null for anything else. */
function storyIdOf(text) {
  const given = text.trim();
  const link = given.match(/stories\/([A-Za-z0-9_-]+)/);
  return link ? link[1] : given.match(/^[A-Za-z0-9_-]+$/)?.[0] ?? null;
}
