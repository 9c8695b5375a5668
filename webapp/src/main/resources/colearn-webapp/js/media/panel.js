/**
 * The "Voice and video" part of a live session's page: follows the media room the server names in `media.room`
 * frames, joining it at once with nothing to click and leaving the old one; the microphone and camera stay off until
 * the person turns them on (only then does the browser ask for them). Shows a tile per person in the room with their
 * name and site and whether they are speaking, and announces who joins and leaves and the person's own mute.
 */
import { h, replace } from '../dom.js';
import { JanusCall } from './janus-call.js';
import { PeerCall } from './peer-call.js';

const BLOCKED = 'Your browser did not let Colearn use the microphone or camera. Allow them for this site (the camera or '
  + 'lock icon beside the address), then press the button again. The chat goes on meanwhile.';

export function mediaPanel({ me, connection, announce }) {
  const heading = h('h2', { id: 'media-heading', text: 'Voice and video' });
  const status = h('p', { class: 'media-status', role: 'status', text: 'No call yet.' });
  const micButton = h('button', { type: 'button', class: 'button', onclick: () => toggle('audio') });
  const camButton = h('button', { type: 'button', class: 'button', onclick: () => toggle('video') });
  const controls = h('div', { class: 'media-controls', role: 'group', 'aria-label': 'Your microphone and camera', hidden: true }, micButton, camButton);
  const tiles = h('ul', { class: 'media-tiles', 'aria-label': 'People in the call' });
  const section = h('section', { class: 'media', 'aria-labelledby': 'media-heading' }, heading, status, controls, tiles);

  const want = { audio: false, video: false };
  const byFeed = new Map();
  let call = null;
  let room = null;

  function drawButtons() {
    micButton.textContent = want.audio ? 'Mute microphone' : 'Turn microphone on';
    camButton.textContent = want.video ? 'Turn camera off' : 'Turn camera on';
  }

  function toggle(kind) {
    want[kind] = !want[kind];
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
    if (feed !== 'me') audio.srcObject = stream;
    const item = h('li', { class: 'media-tile', dataset: { feed: String(feed) } }, video, audio, h('p', {}, name, ' ', site, ' ', speaking));
    entry = { item, stream, speaking, name: person.name };
    byFeed.set(feed, entry);
    tiles.append(item);
    return entry;
  }

  const events = {
    status: (text) => {
      if (text === 'joined') status.textContent = `You are in the call of ${room.placeName}.`;
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
    blocked: () => {
      want.audio = false;
      want.video = false;
      drawButtons();
      status.textContent = BLOCKED;
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

  /** A `media.room` frame's body arrived: join that room, unless it is the one already joined. */
  function assign(next) {
    if (next.mode === 'janus' && call && room?.room === next.room && room?.token === next.token) {
      room = next;
      return;
    }
    if (next.mode === 'peer' && call instanceof PeerCall && room?.place === next.place) {
      room = next;
      call.update(next);
      return;
    }
    leave();
    room = next;
    controls.hidden = next.mode !== 'janus' && next.mode !== 'peer';
    switch (next.mode) {
      case 'janus':
        status.textContent = `Joining the call of ${next.placeName}…`;
        call = new JanusCall(next, me(), events);
        call.start().catch((error) => {
          status.textContent = `Voice and video could not start here: ${error.message}. The chat goes on.`;
        });
        call.send(want);
        break;
      case 'peer':
        call = new PeerCall(next, me(), connection, events);
        call.start();
        call.send(want);
        break;
      case 'needs_server':
      case 'unavailable':
        status.textContent = next.message;
        break;
      case 'text_only':
        status.textContent = `${next.placeName} is text only.`;
        break;
      default:
        status.textContent = 'No call here.';
    }
  }

  /** A `media.signal` frame's body: passed to a peer-to-peer call. */
  function signal(body) {
    if (call instanceof PeerCall) call.signal(body).catch(() => {});
  }

  drawButtons();
  return { section, assign, signal, close: leave };
}
