/**
 * The "Voice and video" part of a live session's page: follows the media room the server names in `media.room`
 * frames, joining it at once with nothing to click and leaving the old one; the microphone and camera stay off until
 * the person turns them on (only then does the browser ask for them). Shows a tile per person in the room with their
 * name and site and whether they are speaking, and announces who joins and leaves and the person's own mute. The
 * person chooses their microphone, camera and speaker, and audio-only mode for a weak network, and this browser keeps
 * the choice; joining a plenary of more than 8 starts with the microphone muted, whatever it was before.
 */
import { h, replace } from '../dom.js';
import { JanusCall } from './janus-call.js';
import { PeerCall } from './peer-call.js';
import { deviceChoice } from './device-choice.js';
import { refusal } from './devices.js';

const TEXT_ONLY = 'This room is text only: there is no voice or video here. The chat works as ever.';

export function mediaPanel({ me, connection, announce }) {
  const heading = h('h2', { id: 'media-heading', text: 'Voice and video' });
  const status = h('p', { class: 'media-status', role: 'status', text: 'No call yet.' });
  const blocked = h('p', { class: 'media-blocked', role: 'alert', hidden: true });
  const micButton = h('button', { type: 'button', class: 'button', onclick: () => toggle('audio') });
  const camButton = h('button', { type: 'button', class: 'button', onclick: () => toggle('video') });
  const controls = h('div', { class: 'media-controls', role: 'group', 'aria-label': 'Your microphone and camera', hidden: true }, micButton, camButton);
  const devices = deviceChoice({
    switched: (kind) => call?.switchDevice?.(kind),
    speaker: () => byFeed.forEach((entry) => devices.playOn(entry.audio)),
    audioOnly: (on) => {
      announce(on ? 'Audio only: no video is sent or received' : 'Video is back on');
      if (on) want.video = false;
      drawButtons();
      if (call instanceof PeerCall) {
        call.setAudioOnly(on);
        call.send(want);
      } else if (call) {
        // A Janus call starts again in the new mode: what it receives is chosen as it subscribes.
        assign(room, { restart: true });
      }
    },
  });
  devices.section.hidden = true;
  const tiles = h('ul', { class: 'media-tiles', 'aria-label': 'People in the call' });
  const section = h('section', { class: 'media', 'aria-labelledby': 'media-heading' }, heading, status, blocked, controls, devices.section, tiles);

  const want = { audio: false, video: false };
  const byFeed = new Map();
  let call = null;
  let room = null;

  function drawButtons() {
    const audioOnly = devices.choices().audioOnly;
    micButton.textContent = want.audio ? 'Mute microphone' : 'Turn microphone on';
    camButton.textContent = audioOnly ? 'Camera off (audio only)' : want.video ? 'Turn camera off' : 'Turn camera on';
    camButton.disabled = audioOnly;
  }

  function toggle(kind) {
    want[kind] = !want[kind];
    blocked.hidden = true;
    drawButtons();
    if (kind === 'audio') announce(want.audio ? 'Microphone on' : 'Microphone muted');
    else announce(want.video ? 'Camera on' : 'Camera off');
    call?.send(want);
  }

  /**
   * A person's tile. Their name and site are the server's (a large plenary lists nobody: then the name they joined
   * Janus with, which only people placed in the room can choose).
   */
  function tile(feed, display = null) {
    let entry = byFeed.get(feed);
    if (entry) return entry;
    const person = room?.people?.find((p) => p.feed === feed) ?? room?.peers?.find((p) => p.personId === feed)
      ?? { name: display || 'Someone', site: null };
    const name = h('span', { class: 'media-name', text: person.name });
    const site = h('span', { class: 'media-site', text: person.site ?? '' });
    const speaking = h('span', { class: 'media-speaking', text: 'speaking', hidden: true });
    const video = h('video', { autoplay: true, playsinline: true, muted: feed === 'me' });
    const audio = h('audio', { autoplay: true });
    const stream = new MediaStream();
    video.srcObject = stream;
    if (feed !== 'me') {
      audio.srcObject = stream;
      devices.playOn(audio);
    }
    const item = h('li', { class: 'media-tile', dataset: { feed: String(feed) } }, video, audio, h('p', {}, name, ' ', site, ' ', speaking));
    entry = { item, stream, audio, speaking, name: person.name };
    byFeed.set(feed, entry);
    tiles.append(item);
    return entry;
  }

  const events = {
    status: (text) => {
      if (text === 'joined') {
        status.textContent = `You are in the call of ${room.placeName}.`
          + (room.startMuted && !want.audio ? ' More than 8 people are here: your microphone starts muted.' : '');
      }
      else status.textContent = text;
    },
    peer: (feed, display) => {
      const entry = tile(feed, display);
      announce(`${entry.name} joined the call`);
    },
    // A track that ends never makes a tile: it may end after its person has left.
    track: (feed, track, on) => {
      if (on) tile(feed).stream.addTrack(track);
      else byFeed.get(feed)?.stream.removeTrack(track);
    },
    local: (track, on) => {
      if (on) devices.refresh();
      if (track.kind !== 'video') return;
      if (on) tile('me').stream.addTrack(track);
      else byFeed.get('me')?.stream.removeTrack(track);
    },
    gone: (feed) => {
      const entry = byFeed.get(feed);
      if (!entry) return;
      byFeed.delete(feed);
      entry.item.remove();
      announce(`${entry.name} left the call`);
    },
    talking: (feed, on) => {
      const entry = feed === 'me' ? null : byFeed.get(feed);
      if (entry) entry.speaking.hidden = !on;
    },
    blocked: (error) => {
      want.audio = false;
      want.video = false;
      drawButtons();
      blocked.textContent = refusal(error);
      blocked.hidden = false;
    },
    ended: (reason) => {
      status.textContent = reason;
    },
  };

  function leave() {
    call?.close();
    call = null;
    byFeed.clear();
    replace(tiles);
  }

  /**
   * A `media.room` frame's body arrived: join that room, unless it is the one already joined (or `restart` says to
   * join it again). Being brought on a stage or sent back to its audience (`publish`) joins again, and the audience
   * has no microphone or camera to turn on: nothing of theirs is ever sent.
   */
  function assign(next, { restart = false } = {}) {
    const same = !restart && room?.publish === next.publish;
    section.classList.toggle('media--stage', Boolean(next.stage));
    if (same && next.mode === 'janus' && call && room?.room === next.room && room?.token === next.token) {
      room = next;
      return;
    }
    if (same && next.mode === 'peer' && call instanceof PeerCall && room?.place === next.place) {
      room = next;
      call.update(next);
      return;
    }
    leave();
    room = next;
    const calling = next.mode === 'janus' || next.mode === 'peer';
    if (next.publish === false) {
      want.audio = false;
      want.video = false;
      drawButtons();
    }
    controls.hidden = !calling || next.publish === false;
    devices.section.hidden = !calling;
    if (next.startMuted && want.audio && !restart) {
      want.audio = false;
      drawButtons();
      announce(`Microphone muted: ${next.placeName} has more than 8 people. Turn it on to speak.`);
    }
    switch (next.mode) {
      case 'janus':
        status.textContent = `Joining the call of ${next.placeName}…`;
        call = new JanusCall(next, me(), events, devices.choices);
        call.start().catch((error) => {
          status.textContent = `Voice and video could not start here: ${error.message}. The chat goes on.`;
        });
        call.send(want);
        break;
      case 'peer':
        call = new PeerCall(next, me(), connection, events, devices.choices);
        call.start();
        call.send(want);
        break;
      case 'needs_server':
      case 'unavailable':
        status.textContent = next.message;
        break;
      case 'text_only':
        status.textContent = TEXT_ONLY;
        break;
      default:
        status.textContent = 'No call here.';
    }
  }

  /** A `media.signal` frame's body: passed to a peer-to-peer call. */
  function signal(body) {
    if (call instanceof PeerCall) call.signal(body).catch(() => {});
  }

  /** Turns off the microphone and/or camera: a facilitator muted everyone on stage (the stage says so). */
  function mute({ audio = false, video = false }) {
    if (audio) want.audio = false;
    if (video) want.video = false;
    drawButtons();
    call?.send(want);
  }

  drawButtons();
  return { section, assign: (next) => assign(next), signal, mute, close: leave };
}
