/**
 * The configuration form of an agenda item whose activity is a plugin, generated from what `GET /api/activity-types`
 * says of it (`configFields`: each field's name and Java type) and filled from the item's `config`, which starts as
 * the plugin's `defaultConfig`. Each control is named `agenda[i].config.<field>`, the name the server gives its errors,
 * so that they appear beside it.
 */
import { h } from '../../dom.js';
import { field } from '../../forms.js';

const WHOLE_NUMBERS = new Set(['int', 'Integer', 'long', 'Long', 'short', 'Short']);
const NUMBERS = new Set(['double', 'Double', 'float', 'Float']);
const TEXT_LISTS = new Set(['List<String>', 'Set<String>']);

/** "multipleChoice" as "Multiple choice". */
export function words(name) {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A fresh copy of the type's default configuration, for an item that has just been given this activity. */
export function defaultConfig(type) {
  return type?.defaultConfig ? structuredClone(type.defaultConfig) : null;
}

/**
 * The fieldset for item `index` (0-based) of `item.title`; `config` is changed in place as the facilitator types, so
 * that it is what the plan sends.
 */
export function configFieldset(type, index, item) {
  const config = item.config;
  const controls = type.configFields.map((configField) => control(configField, `agenda[${index}].config.${configField.name}`, config));
  return h('fieldset', { class: 'activity-config' },
    h('legend', { text: `${type.displayName} settings of item ${index + 1}, ${item.title}` }),
    controls);
}

function control({ name, type }, controlName, config) {
  const value = config[name];
  let wrapper;
  let read;
  if (type === 'boolean' || type === 'Boolean') {
    wrapper = field(controlName, words(name), { type: 'checkbox', checked: Boolean(value) });
    read = (input) => input.checked;
  } else if (TEXT_LISTS.has(type)) {
    wrapper = field(controlName, words(name), {
      type: 'textarea', rows: Math.max(3, (value?.length ?? 0) + 1), value: (value ?? []).join('\n'), hint: 'One per line.', wide: true,
    });
    read = (input) => input.value.split('\n').map((line) => line.trim()).filter(Boolean);
  } else if (WHOLE_NUMBERS.has(type) || NUMBERS.has(type)) {
    wrapper = field(controlName, words(name), {
      type: 'number', value: value ?? '', inputmode: WHOLE_NUMBERS.has(type) ? 'numeric' : 'decimal', step: WHOLE_NUMBERS.has(type) ? null : 'any',
    });
    // A number the browser cannot read goes as typed, so that the server says what is wrong with it.
    read = (input) => (input.value.trim() === '' ? null : Number.isFinite(input.valueAsNumber) ? input.valueAsNumber : input.value);
  } else if (type === 'String') {
    wrapper = field(controlName, words(name), { value: value ?? '', wide: true });
    read = (input) => input.value.trim();
  } else {
    // A field this form has no control for: written as JSON, sent as JSON when it reads as JSON.
    wrapper = field(controlName, words(name), { type: 'textarea', rows: 3, value: JSON.stringify(value ?? null), hint: 'As JSON.', wide: true });
    read = (input) => {
      try {
        return JSON.parse(input.value);
      } catch {
        return input.value;
      }
    };
  }
  const input = wrapper.querySelector('input, textarea');
  input.addEventListener(input.type === 'checkbox' ? 'change' : 'input', () => {
    config[name] = read(input);
  });
  // Enter in a settings field must not plan the whole session by accident.
  if (input.tagName === 'INPUT') input.addEventListener('keydown', (event) => { if (event.key === 'Enter') event.preventDefault(); });
  return wrapper;
}
