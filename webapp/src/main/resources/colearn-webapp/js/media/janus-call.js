/**
 * One person's part in one Janus VideoRoom, through Janus's own library (`janus.js`, served from the system's copy
 * under `lib/`): joins with the token the server gave, listens to everyone who publishes, and publishes the
 * microphone and camera only when the person turns them on. It reports to its `events`: status(text),
 * peer(feed, display), track(feed, track, on), gone(feed), talking(feed, on), local(track, on), ended(reason).
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
    this.published = { audio: false, video: false };
    this.want = { audio: false, video: false };
    this.negotiating = false;
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
        this.negotiating = false;
      },
    });
  }

  /** Janus shows this to the room; the page shows the names the server gave instead. */
  display() {
    return this.me.name;
  }

  onPublisherMessage(message, jsep) {
    switch (message.videoroom) {
      case 'joined':
        this.privateId = message.private_id;
        this.events.status('joined');
        (message.publishers ?? []).forEach((publisher) => this.subscribe(publisher));
        this.negotiate();
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
    if (jsep) {
      this.publisher.handleRemoteJsep({ jsep });
      this.negotiating = false;
      this.negotiate();
    }
  }

  /** Sets what the person wants to send; mutes at once, and publishes or renegotiates to match, one offer at a time. */
  send(want) {
    this.want = { ...want };
    if (this.published.audio) {
      if (want.audio) this.publisher.unmuteAudio();
      else this.publisher.muteAudio();
    }
    this.negotiate();
  }

  /** Makes an offer for what is wanted and not yet sent, unless one is under way: its answer brings the next. */
  negotiate() {
    if (this.negotiating || !this.publisher || this.privateId === null) return;
    const tracks = [];
    const fresh = !this.published.audio && !this.published.video;
    if (this.want.audio && !this.published.audio) tracks.push({ type: 'audio', capture: true, recv: false, add: !fresh });
    if (this.want.video && !this.published.video) tracks.push({ type: 'video', capture: true, recv: false, simulcast: true, add: !fresh });
    if (!this.want.video && this.published.video) tracks.push({ type: 'video', remove: true });
    if (!tracks.length) return;
    this.negotiating = true;
    const sending = { audio: this.want.audio || this.published.audio, video: this.want.video };
    this.publisher.createOffer({
      tracks,
      success: (jsep) => {
        this.published = sending;
        this.publisher.send({ message: { request: 'configure', audio: true, video: sending.video }, jsep });
      },
      error: (error) => {
        this.negotiating = false;
        this.want = { audio: false, video: false };
        this.events.blocked(error);
      },
    });
  }

  /**
   * Receives a publisher's streams: a handle of its own the first time, then, when the publisher adds a stream (the
   * camera after the microphone), a subscription to just that stream, which Janus answers with an updated offer.
   */
  subscribe(publisher) {
    if (publisher.id === this.room.feed) return;
    const mids = (publisher.streams ?? []).filter((stream) => !stream.disabled).map((stream) => stream.mid);
    const known = this.subscribers.get(publisher.id);
    if (known) {
      const added = mids.filter((mid) => !known.mids.has(mid));
      if (added.length && known.handle) {
        added.forEach((mid) => known.mids.add(mid));
        known.handle.send({ message: { request: 'subscribe', streams: added.map((mid) => ({ feed: publisher.id, mid })) } });
      }
      return;
    }
    this.events.peer(publisher.id, publisher.display);
    const entry = { handle: null, mids: new Set(mids) };
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
