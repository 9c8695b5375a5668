/**
 * Labelled form fields and the display of problem responses on them: the problem's detail in a summary at the
 * top of the form, each entry of errors[] beside its input (aria-invalid, aria-describedby).
 */
import { ApiError } from './api.js';
import { h, replace, uid } from './dom.js';

/**
 * A labelled field. `name` is the JSON field the server reports errors against. Options: type, required,
 * autocomplete, hint, value, choices ([{value, text}] for a select), placeholder (first empty choice of a select),
 * rows (textarea), min, max, step, inputmode, checked (type checkbox, whose label follows the box).
 */
export function field(name, labelText, options = {}) {
  const id = uid(`f-${name}`);
  const hintId = options.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    required: options.required,
    autocomplete: options.autocomplete,
    'aria-describedby': hintId,
    dataset: { errorId, hintId: hintId ?? '' },
  };
  let control;
  if (options.choices) {
    control = h(
      'select',
      { ...common, value: options.value },
      options.placeholder !== undefined ? h('option', { value: '', text: options.placeholder }) : null,
      options.choices.map((choice) => h('option', { value: choice.value, text: choice.text })),
    );
  } else if (options.type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(options.checked) });
  } else if (options.type === 'textarea') {
    control = h('textarea', { ...common, rows: options.rows ?? 4, value: options.value ?? '' });
  } else {
    control = h('input', {
      ...common,
      type: options.type ?? 'text',
      value: options.value,
      min: options.min,
      max: options.max,
      step: options.step,
      inputmode: options.inputmode,
      spellcheck: options.type === 'email' || options.type === 'password' ? 'false' : undefined,
    });
  }
  const labelElement = h('label', { for: id, text: labelText });
  const hint = hintId ? h('p', { class: 'hint', id: hintId, text: options.hint }) : null;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const checkbox = options.type === 'checkbox';
  return h(
    'div',
    { class: `field${options.wide ? ' field--wide' : ''}${checkbox ? ' field--checkbox' : ''}`, dataset: { field: name } },
    checkbox ? [error, h('div', { class: 'field__check' }, control, labelElement), hint] : [labelElement, hint, error, control],
  );
}

export function button(text, options = {}) {
  return h('button', { type: options.type ?? 'submit', class: `button ${options.variant ?? ''}`.trim(), text, onclick: options.onclick });
}

/** A form with an (empty) error summary at its top; `novalidate` so that the server's messages are the ones shown. */
export function form(label, ...children) {
  return h(
    'form',
    { class: 'form', novalidate: true, 'aria-label': label },
    h('div', { class: 'error-summary', tabindex: '-1', hidden: true }),
    ...children,
  );
}

/**
 * A form kept folded until someone opens it (a native disclosure: `summary` names it, Enter or a click opens it), so
 * that what is used now and then does not lengthen the page for everything else.
 */
export function folded(summary, ...content) {
  return h('details', { class: 'card subform folded' }, h('summary', { class: 'folded__summary', text: summary }), ...content);
}

/** The form's named values; empty text becomes null. */
export function values(formElement) {
  const data = {};
  for (const [key, value] of new FormData(formElement).entries()) {
    if (typeof value !== 'string') continue;
    // Passwords are taken as typed; other text loses the spaces people paste around it.
    const text = formElement.elements.namedItem(key)?.type === 'password' ? value : value.trim();
    data[key] = text === '' ? null : text;
  }
  return data;
}

/**
 * Runs `action(values)` when the form is submitted: the submit button is disabled meanwhile, old errors are
 * cleared, and a failure is shown on the form. Returns nothing; `action` does the rest.
 */
export function onSubmit(formElement, action) {
  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (formElement.dataset.busy === 'true') return;
    formElement.dataset.busy = 'true';
    const submit = formElement.querySelector('button[type="submit"]');
    submit?.setAttribute('aria-disabled', 'true');
    clearErrors(formElement);
    try {
      await action(values(formElement), event.submitter);
    } catch (error) {
      showError(formElement, error);
    } finally {
      delete formElement.dataset.busy;
      submit?.removeAttribute('aria-disabled');
    }
  });
}

export function clearErrors(formElement) {
  const summary = formElement.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
  formElement.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const hintId = control.dataset.hintId;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    else control.removeAttribute('aria-describedby');
    const message = document.getElementById(control.dataset.errorId);
    if (message) {
      message.hidden = true;
      message.textContent = '';
    }
  });
}

/** Shows an error (an ApiError or anything else) on the form and moves focus to its summary. */
export function showError(formElement, error) {
  const problem = error instanceof ApiError ? error.problem : { detail: 'Something went wrong in this page. Reload it and try again.' };
  if (!(error instanceof ApiError)) console.error(error);
  const summary = formElement.querySelector('.error-summary');
  const items = [];
  /** Each control's errors: a field may have several (two findings of patient data), and shows them all. */
  const byControl = new Map();
  let unplaced = 0;
  for (const fieldError of problem.errors ?? []) {
    const control = formElement.querySelector(`[name="${CSS.escape(fieldError.field)}"]`);
    const labelText = control ? labelOf(control) : fieldError.field;
    const message = friendly(fieldError.message, formElement, control);
    // A sentence of its own (an activity's rule, such as "A poll needs 2 to 12 answers.") reads best as it is.
    const text = /^[A-Z]/.test(message) ? message : `${labelText} ${message}`;
    if (control) {
      byControl.set(control, [...(byControl.get(control) ?? []), text]);
      markInvalid(control, byControl.get(control).join('; '));
      items.push(h('li', {}, h('a', { href: `#${control.id}`, text, onclick: focusControl(control) })));
    } else {
      unplaced += 1;
      items.push(h('li', { text }));
    }
  }
  // When every field error sits beside its input, the list says it better than the detail, which names JSON fields.
  const title = items.length && !unplaced ? 'There is a problem' : problem.detail || 'That did not work.';
  replace(summary,
    h('p', { class: 'error-summary__title', text: title }),
    items.length ? h('ul', {}, items) : null,
  );
  summary.hidden = false;
  summary.focus();
}

/** Shows `text` as the error of one control, tied to it with aria-describedby; clearErrors() takes it away. */
export function markInvalid(control, text) {
  const message = document.getElementById(control.dataset.errorId);
  message.textContent = text;
  message.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  const describedBy = [control.dataset.errorId, control.dataset.hintId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
}

function labelOf(control) {
  return control.labels?.[0]?.textContent.replace(/\s*\(optional\)$/, '') ?? control.name;
}

/**
 * Server messages speak of nulls, and name other fields by their JSON names ("must not be before startsOn"); say
 * the same in the words of the form.
 */
function friendly(message, formElement, control) {
  if (control && /^must not be (null|blank)$/.test(message)) {
    return control.tagName === 'SELECT' ? 'must be chosen' : 'must be filled in';
  }
  return String(message ?? '').replace(/\b([a-z]+[A-Z][A-Za-z]*)\b/g, (word) => {
    const other = formElement.querySelector(`[name="${CSS.escape(word)}"]`);
    return other ? labelOf(other).toLowerCase() : word;
  });
}

function focusControl(control) {
  return (event) => {
    // The app routes on the hash, so links inside the page must not change it.
    event.preventDefault();
    control.focus();
  };
}

/**
 * A decimal number as people type it, with a point or a comma ("57.48", "57,48"): null when empty, NaN when it does
 * not read as a number.
 */
export function decimal(text) {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const written = String(text).trim().replace(/\s/g, '');
  const normal = /^[-+]?\d+,\d+$/.test(written) ? written.replace(',', '.') : written;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

/** Reads the named decimal fields of a form, marking any that do not read as a number; returns null when one does not. */
export function decimals(formElement, names) {
  const read = {};
  let firstBad = null;
  for (const name of names) {
    const control = formElement.elements.namedItem(name);
    read[name] = decimal(control.value);
    if (Number.isNaN(read[name])) {
      markInvalid(control, `${labelOf(control)} must be a number, such as 57.48 or 57,48`);
      firstBad ??= control;
    }
  }
  if (firstBad) {
    firstBad.focus();
    return null;
  }
  return read;
}
