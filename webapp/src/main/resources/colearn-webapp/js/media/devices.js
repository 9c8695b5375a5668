/**
 * What a person chose for voice and video in this browser, kept across sessions in its local storage: the
 * microphone, camera and speaker to use (by device id), and audio-only mode for a weak network. Also says why a
 * browser refused the devices, in words that say how to fix it.
 */

const KEY = 'colearn.media';

/** The choices saved in this browser; none saved means the browser's default devices, with video. */
export function savedChoices() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return {
      microphone: typeof saved.microphone === 'string' ? saved.microphone : '',
      camera: typeof saved.camera === 'string' ? saved.camera : '',
      speaker: typeof saved.speaker === 'string' ? saved.speaker : '',
      audioOnly: saved.audioOnly === true,
    };
  } catch {
    return { microphone: '', camera: '', speaker: '', audioOnly: false };
  }
}

export function saveChoices(choices) {
  try {
    localStorage.setItem(KEY, JSON.stringify(choices));
  } catch {
    // Storage is full or forbidden: the choice holds for this page only.
  }
}

/** Whether this browser lets a page choose where sound plays. */
export function speakerChoice() {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** What to ask the browser for one kind of device: the chosen one, or its default. */
export function constraints(kind, choices) {
  const id = kind === 'audio' ? choices.microphone : choices.camera;
  if (kind === 'audio') return id ? { deviceId: { exact: id } } : true;
  // A large enough picture for three simulcast layers.
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return id ? { deviceId: { exact: id }, ...size } : size;
}

/** The microphones, cameras and speakers this browser has; their names only once the person has allowed one. */
export async function listDevices() {
  if (!navigator.mediaDevices?.enumerateDevices) return { audioinput: [], videoinput: [], audiooutput: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const lists = { audioinput: [], videoinput: [], audiooutput: [] };
  devices.forEach((device) => {
    if (lists[device.kind] && device.deviceId && device.deviceId !== 'default') lists[device.kind].push(device);
  });
  return lists;
}

/** What to tell a person whose browser refused the devices: what happened and how to fix it. */
export function refusal(error) {
  switch (error?.name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone or camera was found. Plug one in (or choose another under "Devices"), then press the '
        + 'button again. The chat goes on meanwhile.';
    case 'NotReadableError':
      return 'The microphone or camera is in use by another program. Close that program, then press the button again. '
        + 'The chat goes on meanwhile.';
    default:
      return 'Camera and microphone are blocked: your browser did not let Colearn use them. Allow them for this site '
        + '(the camera or lock icon beside the address), then press the button again. The chat goes on meanwhile.';
  }
}
