/**
 * One person's part in one Janus VideoRoom, through Janus's own library (`janus.js`, served from the system's copy
 * under `lib/`): joins with the token the server gave, listens to everyone who publishes, and publishes the
 * microphone and camera only when the person turns them on, from the devices they chose. Video goes out in three
 * simulcast layers; each subscription takes the high layer while tiles are large, and the low one once the call has
 * {@link SMALL_TILES_FROM} others or more, or Janus reports a slow link. In audio-only mode it sends and receives no
 * video at all. It reports to its `events`: status(text), peer(feed, display), track(feed, track, on), gone(feed),
 * talking(feed, on), local(track, on), blocked(error), ended(reason).
 */
import { constraints } from './devices.js';

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
/** From this many others in the call, tiles are small: everyone is received at the lowest simulcast layer. */
export const SMALL_TILES_FROM = 4;
const LOW = 0;
const HIGH = 2;

export class JanusCall {
  /** `choices()` gives the person's devices and audio-only mode as they are now (see devices.js). */
  constructor(room, me, events, choices) {
    this.room = room;
    this.me = me;
    this.events = events;
    this.choices = choices;
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
    const choices = this.choices();
    const video = this.want.video && !choices.audioOnly;
    if (this.want.audio && !this.published.audio) tracks.push({ type: 'audio', capture: constraints('audio', choices), recv: false, add: !fresh });
    if (video && !this.published.video) {
      tracks.push({ type: 'video', capture: constraints('video', choices), recv: false, simulcast: true, add: !fresh });
    }
    if (!video && this.published.video) tracks.push({ type: 'video', remove: true });
    if (!tracks.length) return;
    this.negotiating = true;
    const sending = { audio: this.want.audio || this.published.audio, video };
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

  /** The person chose another microphone or camera: what is being sent comes from it from now on. */
  switchDevice(kind) {
    if (!this.published[kind] || !this.publisher) return;
    this.publisher.replaceTracks({
      tracks: [{ type: kind, capture: constraints(kind, this.choices()) }],
      error: (error) => this.events.blocked(error),
    });
  }

  /** Which publisher streams to receive: only audio in audio-only mode. */
  wanted(publisher) {
    const audioOnly = this.choices().audioOnly;
    return (publisher.streams ?? [])
      .filter((stream) => !stream.disabled && (!audioOnly || stream.type === 'audio'))
      .map((stream) => stream.mid);
  }

  /** Asks Janus for the simulcast layer that suits the tiles and the link: low when small or slow, else high. */
  layer(feed) {
    const entry = this.subscribers.get(feed);
    if (!entry?.handle || !entry.started || !entry.videoMids.size) return;
    const substream = entry.slow || this.subscribers.size >= SMALL_TILES_FROM ? LOW : HIGH;
    if (entry.substream === substream) return;
    entry.substream = substream;
    entry.handle.send({ message: { request: 'configure', streams: [...entry.videoMids].map((mid) => ({ mid, substream })) } });
  }

  /**
   * Receives a publisher's streams: a handle of its own the first time, then, when the publisher adds a stream (the
   * camera after the microphone), a subscription to just that stream, which Janus answers with an updated offer.
   */
  subscribe(publisher) {
    if (publisher.id === this.room.feed) return;
    const mids = this.wanted(publisher);
    const known = this.subscribers.get(publisher.id);
    if (known) {
      const added = mids.filter((mid) => !known.mids.has(mid));
      if (!added.length) return;
      added.forEach((mid) => known.mids.add(mid));
      known.substream = null;
      if (!known.attached) this.attachSubscriber(publisher.id, known);
      else known.handle?.send({ message: { request: 'subscribe', streams: added.map((mid) => ({ feed: publisher.id, mid })) } });
      return;
    }
    this.events.peer(publisher.id, publisher.display);
    const entry = {
      handle: null, attached: false, mids: new Set(mids), videoMids: new Set(), started: false, slow: false, substream: null,
    };
    this.subscribers.set(publisher.id, entry);
    // Someone who sends only video is not received in audio-only mode until they send sound.
    if (mids.length) this.attachSubscriber(publisher.id, entry);
  }

  attachSubscriber(feed, entry) {
    const publisher = { id: feed };
    entry.attached = true;
    this.janus.attach({
      plugin: PLUGIN,
      success: (handle) => {
        entry.handle = handle;
        handle.send({
          message: {
            request: 'join', ptype: 'subscriber', room: this.room.room, private_id: this.privateId,
            token: this.room.token, streams: [...entry.mids].map((mid) => ({ feed: publisher.id, mid })),
          },
        });
      },
      onmessage: (message, jsep) => {
        if (message.videoroom === 'event' && message.started === 'ok') {
          entry.started = true;
          // One more person: everyone's tiles may have become small.
          this.subscribers.forEach((_, known) => this.layer(known));
        }
        if (jsep) {
          entry.handle.createAnswer({
            jsep,
            tracks: [],
            success: (answer) => entry.handle.send({ message: { request: 'start', room: this.room.room }, jsep: answer }),
            error: (error) => this.events.status(`error: ${error}`),
          });
        }
      },
      slowLink: (uplink) => {
        // Janus finds this browser losing what it is sent: lighter video for it.
        if (uplink) return;
        entry.slow = true;
        this.layer(publisher.id);
      },
      onremotetrack: (track, mid, on) => {
        // The layer is asked per video stream of this subscription, by its own mid.
        if (track.kind === 'video' && on && !entry.videoMids.has(mid)) {
          entry.videoMids.add(mid);
          entry.substream = null;
          this.layer(publisher.id);
        }
        this.events.track(publisher.id, track, on);
      },
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
