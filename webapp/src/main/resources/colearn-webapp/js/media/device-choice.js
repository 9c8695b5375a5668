/**
 * The "Devices" controls of the voice and video panel: which microphone, camera and speaker (where the browser lets a
 * page choose) to use, and audio-only mode for a weak network. Choices are kept in this browser (devices.js). Device
 * names appear once the person has allowed a device; before, the browser shows only numbered entries.
 */
import { h, uid } from '../dom.js';
import { listDevices, saveChoices, savedChoices, speakerChoice } from './devices.js';

const KINDS = [
  { list: 'audioinput', choice: 'microphone', label: 'Microphone', kind: 'audio' },
  { list: 'videoinput', choice: 'camera', label: 'Camera', kind: 'video' },
  { list: 'audiooutput', choice: 'speaker', label: 'Speaker', kind: null },
];

/** `switched(kind)` when a microphone or camera is chosen, `speaker()` when a speaker is, `audioOnly(on)` on toggling. */
export function deviceChoice({ switched, speaker, audioOnly }) {
  const choices = savedChoices();
  const selects = new Map();
  const fields = [];
  for (const entry of KINDS) {
    if (entry.choice === 'speaker' && !speakerChoice()) continue;
    const id = uid('media-device');
    const select = h('select', {
      id,
      onchange: () => {
        choices[entry.choice] = select.value;
        saveChoices(choices);
        if (entry.kind) switched(entry.kind);
        else speaker();
      },
    });
    selects.set(entry, select);
    fields.push(h('p', { class: 'field' }, h('label', { for: id, text: entry.label }), select));
  }
  const audioOnlyId = uid('media-audio-only');
  const audioOnlyBox = h('input', {
    type: 'checkbox',
    id: audioOnlyId,
    checked: choices.audioOnly,
    onchange: () => {
      choices.audioOnly = audioOnlyBox.checked;
      saveChoices(choices);
      audioOnly(choices.audioOnly);
    },
  });
  const section = h('fieldset', { class: 'media-devices' },
    h('legend', { text: 'Devices' }),
    ...fields,
    h('p', { class: 'field__check' }, audioOnlyBox,
      h('label', { for: audioOnlyId, text: 'Audio only, for a weak connection: no video is sent or received' })));

  /** Lists the devices the browser has now, keeping each choice if its device is still there. */
  async function refresh() {
    let lists;
    try {
      lists = await listDevices();
    } catch {
      return;
    }
    selects.forEach((select, entry) => {
      const options = [h('option', { value: '', text: 'Browser default' })];
      lists[entry.list].forEach((device, index) => {
        options.push(h('option', { value: device.deviceId, text: device.label || `${entry.label} ${index + 1}` }));
      });
      select.replaceChildren(...options);
      select.value = lists[entry.list].some((device) => device.deviceId === choices[entry.choice]) ? choices[entry.choice] : '';
    });
  }

  /** Plays an audio element on the chosen speaker, where the browser allows it. */
  function playOn(audio) {
    if (choices.speaker && typeof audio.setSinkId === 'function') audio.setSinkId(choices.speaker).catch(() => {});
  }

  navigator.mediaDevices?.addEventListener?.('devicechange', refresh);
  refresh();
  return { section, choices: () => ({ ...choices }), refresh, playOn };
}
