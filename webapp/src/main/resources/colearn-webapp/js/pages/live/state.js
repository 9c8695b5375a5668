/**
 * What the page knows of a live session: the view from hello, then each event applied once, in seq order, and the
 * presence and activity signals. Applying tells the page which parts changed and what to announce; it touches no DOM.
 */
import { RoomsState } from './rooms-state.js';

const CHAT_KEPT = 200;

export class LiveState {
  constructor(plan) {
    // Until hello answers, the plan from the REST API stands in for the view.
    this.seq = null;
    this.session = {
      title: plan.title,
      status: null,
      currentItem: -1,
      itemEndsAt: null,
      itemPausedRemainingSeconds: null,
      timeUp: false,
      agenda: plan.agenda.map((item, index) => ({
        index, id: item.id, title: item.title, activityType: item.activityType, plannedMinutes: item.plannedMinutes,
      })),
    };
    this.you = null;
    this.chat = [];
    this.lastBroadcast = null;
    /** The plugin activity of the current item as this person sees it (`{index, type, module, view}`), or null. */
    this.activity = null;
    this.presence = null;
    /** In a large session, how many are here in all and by site ({people, sites, withoutSite}); null in a small one. */
    this.crowd = null;
    this.rooms = new RoomsState();
    /** Server time minus this browser's time, learned from live events, so that countdowns agree across devices. */
    this.clockOffsetMs = 0;
    /** The ids of the agenda items that have run, the current one included. */
    this.itemsRun = new Set();
  }

  /** Replaces everything with a view from hello. */
  replaceWith(view) {
    this.seq = view.seq;
    this.session = { itemEndsAt: null, itemPausedRemainingSeconds: null, timeUp: false, ...view.session };
    this.you = view.you;
    this.chat = [...view.chat];
    this.lastBroadcast = view.lastBroadcast ?? null;
    this.activity = view.activity ?? null;
    this.rooms.replaceWith(view.rooms, view.you);
    this.itemsRun = new Set(this.session.agenda
      .filter((item) => item.done || item.index === this.session.currentItem).map((item) => item.id));
  }

  /** Whether an item has run and is not the current one: going back to it runs it again, after the facilitator confirms. */
  done(item) {
    return Boolean(item) && item.index !== this.session.currentItem && this.itemsRun.has(item.id);
  }

  get facilitator() {
    return this.you?.role === 'facilitator';
  }

  currentItem() {
    return this.session.agenda[this.session.currentItem] ?? null;
  }

  /** The server's clock now, as far as this browser can tell. */
  now() {
    return Date.now() + this.clockOffsetMs;
  }

  /**
   * Applies an event unless it is one the page already has (seq not above the last applied). Returns null for those,
   * otherwise `{ parts, announce, message, broadcast }`: the parts of the page to draw again, and what to tell.
   * `live` is false for the events a resume replays, whose times are old news for the clock.
   */
  apply(frame, live = true) {
    if (this.seq !== null && frame.seq <= this.seq) return null;
    this.seq = frame.seq;
    const body = frame.body ?? {};
    const session = this.session;
    const item = () => body.title ?? session.agenda[body.index]?.title ?? `item ${body.index + 1}`;
    if (live) this.learnClock(body.startedAt ?? body.at);
    switch (frame.type) {
      case 'session.started':
        session.status = 'live';
        return { parts: ['status', 'agenda', 'now', 'controls', 'rooms'], announce: 'The session has started.' };
      case 'agenda.item.started': {
        const broadcastEnded = this.endItemBroadcast();
        const started = session.agenda[body.index];
        if (started) this.itemsRun.add(started.id);
        Object.assign(session, {
          currentItem: body.index,
          itemStartedAt: body.startedAt ?? null,
          itemEndsAt: body.endsAt ?? null,
          itemPausedRemainingSeconds: null,
          timeUp: false,
        });
        return { parts: ['agenda', 'now', ...broadcastEnded], announce: `Now: ${item()}` };
      }
      case 'agenda.item.retimed':
        Object.assign(session, { itemEndsAt: body.endsAt ?? null, itemPausedRemainingSeconds: null, timeUp: false });
        return { parts: ['now'], announce: `${item()} is now planned for ${body.plannedMinutes} minutes.` };
      case 'agenda.item.extended':
      case 'agenda.item.resumed':
        Object.assign(session, { itemEndsAt: body.endsAt ?? null, itemPausedRemainingSeconds: null, timeUp: false });
        return {
          parts: ['now'],
          announce: frame.type === 'agenda.item.extended' ? `More time for ${item()}.` : `The timer of ${item()} runs again.`,
        };
      case 'agenda.item.ended': {
        const title = item();
        const broadcastEnded = this.endItemBroadcast();
        Object.assign(session, {
          currentItem: -1,
          lastEndedItem: body.index,
          itemStartedAt: null,
          itemEndsAt: null,
          itemPausedRemainingSeconds: null,
          timeUp: false,
        });
        // Its activity has ended and may have published its results.
        return { parts: ['agenda', 'now', 'results', ...broadcastEnded], announce: `${title} has ended.` };
      }
      case 'agenda.item.paused':
        Object.assign(session, { itemEndsAt: null, itemPausedRemainingSeconds: body.remainingSeconds ?? null });
        return { parts: ['now'], announce: `The timer of ${item()} is paused.` };
      case 'timer.warning':
        return { parts: [], announce: `${leftInWords(body.remainingSeconds)} left for ${item()}.` };
      case 'timer.ended':
        session.timeUp = true;
        return { parts: ['now'], announce: `Time is up for ${item()}.` };
      case 'chat.message':
        this.chat.push(body);
        if (this.chat.length > CHAT_KEPT) this.chat.shift();
        return { parts: [], message: body };
      case 'session.broadcast':
        this.lastBroadcast = body;
        return { parts: ['broadcast'], broadcast: body };
      case 'session.broadcast.cleared':
        this.lastBroadcast = null;
        return { parts: ['broadcast'] };
      case 'agenda.changed': {
        // The running item keeps running wherever it moved (by id); when it was removed, no item runs.
        const runningId = session.agenda[session.currentItem]?.id;
        session.agenda = (body.agenda ?? []).map((changed, index) => ({ ...changed, index }));
        const at = runningId === undefined ? -1 : session.agenda.findIndex((changed) => changed.id === runningId);
        if (session.currentItem >= 0 && at < 0) Object.assign(session, { itemEndsAt: null, itemPausedRemainingSeconds: null });
        session.currentItem = at;
        return { parts: ['agenda', 'now'], announce: 'The facilitator has changed the agenda.' };
      }
      case 'activity.result':
        return { parts: ['results'] };
      case 'activity.failed':
        return {
          parts: [],
          announce: `The ${body.type ?? 'activity'} of ${item()} stopped working${body.message ? `: ${body.message}` : ''}. `
            + 'The session goes on.',
        };
      case 'session.ended':
        Object.assign(session, { status: 'ended', itemEndsAt: null, itemPausedRemainingSeconds: null });
        this.lastBroadcast = null;
        this.rooms.apply(frame.type, body, this.you);
        return { parts: ['status', 'agenda', 'now', 'controls', 'chat-form', 'rooms', 'broadcast'], announce: 'The session has ended.' };
      default:
        // A room event, or one of a feature this page does not know yet (an activity plugin): it counts, but shows nothing.
        return this.rooms.apply(frame.type, body, this.you) ?? { parts: [] };
    }
  }

  /** A broadcast ends with the item it was sent in, unless the facilitator kept it; returns the parts to draw again. */
  endItemBroadcast() {
    if (!this.lastBroadcast || this.lastBroadcast.keep) return [];
    this.lastBroadcast = null;
    return ['broadcast'];
  }

  /**
   * Applies a signal (no seq): `presence.state` replaces who is here, `presence.diff` adds its joins and removes its
   * leaves (one meta per connection), `presence.summary` (a large session) replaces the counts and the people near, `activity.view` replaces the activity. Returns the part of the page to draw
   * again, or null for a signal this page does not know.
   */
  applySignal(frame) {
    switch (frame.type) {
      case 'presence.state':
        this.presence = new Map();
        this.crowd = null;
        join(this.presence, frame.body ?? {});
        return 'presence';
      case 'presence.summary':
        // A large session: counts by site, and in full only the people near this person.
        this.presence = new Map();
        join(this.presence, frame.body?.nearby ?? {});
        this.crowd = { people: frame.body?.people ?? 0, sites: frame.body?.sites ?? {}, withoutSite: frame.body?.withoutSite ?? 0 };
        return 'presence';
      case 'presence.diff':
        this.presence ??= new Map();
        join(this.presence, frame.body?.joins ?? {});
        leave(this.presence, frame.body?.leaves ?? {});
        return 'presence';
      case 'activity.view':
        this.activity = frame.body ?? null;
        return 'activity';
      case 'activity.work':
        // Shown while it runs; a failure or refusal says why until the next view; done shows in the views that follow.
        if (!this.activity) return null;
        this.activity = { ...this.activity, work: frame.body?.status === 'done' || frame.body?.status === 'cancelled' ? null : frame.body };
        return 'activity';
      default:
        return null;
    }
  }

  /** Events carry the server's time of the moment they happened; one that arrives now tells how far apart the clocks are. */
  learnClock(serverInstant) {
    if (typeof serverInstant !== 'string') return;
    const server = Date.parse(serverInstant);
    if (!Number.isNaN(server)) this.clockOffsetMs = server - Date.now();
  }
}

function join(presence, people) {
  Object.entries(people).forEach(([personId, person]) => {
    const known = presence.get(personId);
    const metas = [...(known?.metas ?? [])];
    (person.metas ?? []).forEach((meta) => {
      if (!metas.some((m) => m.connectionId === meta.connectionId)) metas.push(meta);
    });
    presence.set(personId, { name: person.name, site: person.site ?? null, role: person.role, guest: Boolean(person.guest), metas });
  });
}

function leave(presence, people) {
  Object.entries(people).forEach(([personId, person]) => {
    const known = presence.get(personId);
    if (!known) return;
    const gone = new Set((person.metas ?? []).map((m) => m.connectionId));
    const metas = known.metas.filter((m) => !gone.has(m.connectionId));
    if (metas.length) presence.set(personId, { ...known, metas });
    else presence.delete(personId);
  });
}

/** "5 minutes", "1 minute", "30 seconds". */
export function leftInWords(seconds) {
  const s = Math.max(0, Math.round(seconds ?? 0));
  if (s >= 60 && s % 60 === 0) return `${s / 60} ${s === 60 ? 'minute' : 'minutes'}`;
  if (s >= 60) return `${Math.ceil(s / 60)} minutes`;
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
}
