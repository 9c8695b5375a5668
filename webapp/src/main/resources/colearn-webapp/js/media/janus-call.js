/**
 * One person's part in one Janus VideoRoom, through Janus's own library (`janus.js`, served from the system's copy
 * under `lib/`): joins with the token the server gave, listens to everyone who publishes, and publishes the
 * microphone and camera only when the person turns them on. It reports to its `events`: status(text),
 * peer(feed, {name, site}), track(feed, track, on), gone(feed), talking(feed, on), local(track, on), ended(reason).
 */

let loading = null;

/** Loads webrtc-adapter, then janus.js, once per page, and initialises Janus. */
export function loadJanus() {
  loading ??= script('lib/adapter.js')
    .then(() => script('lib/janus.js'))
    .then(() => new Promise((resolve) => {
      window.Janus.init({ debug: false, dependencies: window.Janus.useDefaultDependencies(), callback: resolve });
    }));
  return loading;
}

function script(src) {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = src;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.append(element);
  });
}

const PLUGIN = 'janus.plugin.videoroom';

export class JanusCall {
  constructor(room, me, events) {
    this.room = room;
    this.me = me;
    this.events = events;
    this.janus = null;
    this.publisher = null;
    this.privateId = null;
    this.subscribers = new Map();
    this.names = new Map();
    this.published = { audio: false, video: false };
    this.want = { audio: false, video: false };
    this.closed = false;
  }

  async start() {
    await loadJanus();
    if (this.closed) return;
    this.janus = new window.Janus({
      server: this.room.server,
      iceServers: this.room.iceServers ?? [],
      success: () => this.attachPublisher(),
      error: (error) => this.events.ended(`The media server could not be reached (${error}). Trying again…`),
      destroyed: () => {},
    });
  }

  attachPublisher() {
    this.janus.attach({
      plugin: PLUGIN,
      success: (handle) => {
        this.publisher = handle;
        handle.send({
          message: {
            request: 'join', ptype: 'publisher', room: this.room.room, id: this.room.feed, token: this.room.token, display: this.display(),
          },
        });
      },
      error: (error) => this.events.ended(`Could not join the call: ${error}`),
      onmessage: (message, jsep) => this.onPublisherMessage(message, jsep),
      onlocaltrack: (track, on) => this.events.local(track, on),
      onremotetrack: () => {},
      oncleanup: () => {
        this.published = { audio: false, video: false };
      },
    });
  }

  display() {
    return JSON.stringify({ id: this.me.personId, name: this.me.name });
  }

  onPublisherMessage(message, jsep) {
    switch (message.videoroom) {
      case 'joined':
        this.privateId = message.private_id;
        this.events.status('joined');
        (message.publishers ?? []).forEach((publisher) => this.subscribe(publisher));
        if (this.want.audio || this.want.video) this.publish();
        break;
      case 'event':
        (message.publishers ?? []).forEach((publisher) => this.subscribe(publisher));
        if (message.unpublished !== undefined && message.unpublished !== 'ok') this.drop(message.unpublished);
        if (message.leaving !== undefined && message.leaving !== 'ok') this.drop(message.leaving);
        if (message.kicked !== undefined) this.drop(message.kicked);
        if (message.leaving === 'ok' && message.reason === 'kicked') this.events.ended('You were moved out of this room.');
        if (message.error) this.events.status(`error: ${message.error}`);
        break;
      case 'talking':
      case 'stopped-talking':
        this.events.talking(message.id === this.room.feed ? 'me' : message.id, message.videoroom === 'talking');
        break;
      default:
        break;
    }
    if (jsep) this.publisher.handleRemoteJsep({ jsep });
  }

  /** Sets what the person wants to send; publishes, renegotiates or mutes to match. */
  async send(want) {
    this.want = { ...want };
    if (!this.publisher || this.privateId === null) return;
    if (!this.published.audio && !this.published.video) {
      if (want.audio || want.video) this.publish();
      return;
    }
    const tracks = [];
    if (want.video && !this.published.video) tracks.push({ type: 'video', capture: true, recv: false, add: true, simulcast: true });
    if (!want.video && this.published.video) tracks.push({ type: 'video', remove: true });
    if (want.audio && !this.published.audio) tracks.push({ type: 'audio', capture: true, recv: false, add: true });
    if (this.published.audio) {
      if (want.audio) this.publisher.unmuteAudio();
      else this.publisher.muteAudio();
    }
    if (tracks.length) this.offer(tracks);
  }

  publish() {
    const tracks = [];
    if (this.want.audio) tracks.push({ type: 'audio', capture: true, recv: false });
    if (this.want.video) tracks.push({ type: 'video', capture: true, recv: false, simulcast: true });
    this.offer(tracks);
  }

  offer(tracks) {
    this.publisher.createOffer({
      tracks,
      success: (jsep) => {
        this.published = { audio: this.want.audio || this.published.audio, video: this.want.video };
        this.publisher.send({ message: { request: 'configure', audio: true, video: this.want.video }, jsep });
      },
      error: (error) => this.events.blocked(error),
    });
  }

  subscribe(publisher) {
    if (this.subscribers.has(publisher.id) || publisher.id === this.room.feed) return;
    this.names.set(publisher.id, who(publisher.display));
    this.events.peer(publisher.id, who(publisher.display));
    const entry = { handle: null };
    this.subscribers.set(publisher.id, entry);
    this.janus.attach({
      plugin: PLUGIN,
      success: (handle) => {
        entry.handle = handle;
        handle.send({
          message: {
            request: 'join', ptype: 'subscriber', room: this.room.room, private_id: this.privateId,
            token: this.room.token, streams: [{ feed: publisher.id }],
          },
        });
      },
      onmessage: (message, jsep) => {
        if (jsep) {
          entry.handle.createAnswer({
            jsep,
            tracks: [],
            success: (answer) => entry.handle.send({ message: { request: 'start', room: this.room.room }, jsep: answer }),
            error: (error) => this.events.status(`error: ${error}`),
          });
        }
      },
      onremotetrack: (track, mid, on) => this.events.track(publisher.id, track, on),
      oncleanup: () => this.events.gone(publisher.id),
    });
  }

  drop(feed) {
    const entry = this.subscribers.get(feed);
    this.subscribers.delete(feed);
    entry?.handle?.detach();
    this.events.gone(feed);
  }

  close() {
    this.closed = true;
    this.subscribers.clear();
    this.janus?.destroy({ unload: false });
    this.janus = null;
  }
}

/** The name and id a publisher joined with (their display), or what Janus knows of them. */
function who(display) {
  try {
    const parsed = JSON.parse(display ?? '');
    return { personId: parsed.id ?? null, name: String(parsed.name ?? 'Someone') };
  } catch {
    return { personId: null, name: 'Someone' };
  }
}
