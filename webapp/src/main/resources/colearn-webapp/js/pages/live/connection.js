/**
 * The WebSocket of one live session, protocol v1 (docs/protocol.md). It says hello with a guest's token (a member's
 * login is the cookie the browser sends with the handshake), this tab's clientId and, when it reconnects, the last seq the page applied; pings every 20 s; reconnects after 1, 2, 5, then
 * every 10 s; and sends again, with the same ref, every command that had no reply, which the server applies once.
 * It knows nothing of the page: it hands replies, events and signals to the callbacks it was given.
 */

const PING_MS = 20000;
/** A ping unanswered this long: the connection is dead even if the browser has not noticed. */
const PONG_WAIT_MS = 15000;
const BACKOFF_MS = [1000, 2000, 5000, 10000];
/** Closes after which trying again cannot help: another protocol version, or no such session. */
const FINAL_CLOSES = new Set([1002, 1003]);
/** The server ended this person's rights: their login or guest pass ended (4401), or they may no longer take part (4403). */
const SIGNED_OUT = 4401;
const NOT_ALLOWED = 4403;
const LOGIN_ENDED = new Set(['token_invalid', 'token_expired']);
const CLIENT_ID_KEY = 'colearn.clientId';

/** This tab's name for the server, kept across reloads and reconnects so that retried commands are recognised. */
function clientId() {
  const fresh = `tab-${randomText(16)}`;
  try {
    const kept = sessionStorage.getItem(CLIENT_ID_KEY);
    if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
    sessionStorage.setItem(CLIENT_ID_KEY, fresh);
  } catch {
    // No storage: this page load gets a name of its own.
  }
  return fresh;
}

function randomText(length) {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

/** An error reply of the server, or one of ours (`not_sent` when the connection gave up before a reply came). */
export class CommandError extends Error {
  /**
   * `field`: the field of the command's body the refusal is about, when the server names one; `fields`: every field
   * it is about (the first being `field`).
   */
  constructor(code, message, field = null, fields = field ? [field] : []) {
    super(message);
    this.code = code;
    this.field = field;
    this.fields = fields;
  }
}

export class LiveConnection {
  /**
   * `handlers`: joined(body) after each accepted hello; event(frame) for frames with a seq; signal(frame) for
   * ephemeral frames such as presence (a `rights.changed` signal, whose body is a fresh view as after hello, goes to
   * joined); state(name) with connecting, open, reconnecting, offline or closed;
   * failed(code, message) when hello is refused or the server closes for good.
   */
  constructor({ sessionId, token, lastSeq, handlers }) {
    const url = new URL(`ws/sessions/${encodeURIComponent(sessionId)}?v=1`, document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = url.href;
    this.token = token;
    this.lastSeq = lastSeq;
    this.handlers = handlers;
    this.clientId = clientId();
    // Refs must never repeat for this clientId, also across reloads: the server would take a new command for a retry.
    this.refPrefix = randomText(6);
    this.refCount = 0;
    this.pending = new Map();
    this.socket = null;
    this.joined = false;
    this.attempt = 0;
    this.stopped = false;
    this.unanswered = 0;
    this.onOnline = () => this.reconnectNow();
    this.onOffline = () => this.drop('offline');
    this.onVisible = () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    };
  }

  start() {
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onVisible);
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.connect();
  }

  /** Sends a command; resolves with the reply's body, or rejects with a CommandError. Waits for a connection. */
  send(type, body = {}) {
    this.refCount += 1;
    const ref = `${this.refPrefix}.${this.refCount}`;
    const frame = JSON.stringify({ type, ref, body });
    return new Promise((resolve, reject) => {
      this.pending.set(ref, { frame, resolve, reject });
      if (this.joined) this.socket.send(frame);
    });
  }

  /** Leaves for good: the page is gone. Commands still waiting are dropped without a word; nobody is there to read it. */
  close() {
    this.stopped = true;
    clearInterval(this.pinger);
    clearTimeout(this.retry);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onVisible);
    const socket = this.socket;
    this.socket = null;
    this.joined = false;
    try {
      socket?.close(1000, 'left the page');
    } catch {
      // Already closed.
    }
    this.pending.clear();
  }

  /** Stops trying because it cannot work (`code` says why); commands still waiting are refused. */
  giveUp(code, message) {
    const waiting = [...this.pending.values()];
    this.close();
    if (code !== 'login_ended') {
      waiting.forEach(({ reject }) => reject(new CommandError('not_sent', 'Not sent: the connection to the session has ended.')));
    }
    this.handlers.failed(code, message);
  }

  connect() {
    clearTimeout(this.retry);
    if (this.stopped || this.socket) return;
    this.handlers.state(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.lost(1006);
      return;
    }
    this.socket = socket;
    this.joined = false;
    this.unanswered = 0;
    socket.addEventListener('open', () => {
      if (socket !== this.socket) return;
      this.helloRef = `hello.${this.refPrefix}.${this.attempt}`;
      const lastSeq = this.lastSeq();
      const body = { clientId: this.clientId };
      if (this.token) body.token = this.token;
      if (lastSeq !== null) body.lastSeq = lastSeq;
      socket.send(JSON.stringify({ type: 'hello', ref: this.helloRef, body }));
    });
    socket.addEventListener('message', (event) => {
      if (socket !== this.socket) return;
      this.unanswered = 0;
      this.receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.lost(event.code, event.reason);
    });
  }

  receive(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      console.warn('live session: a frame that is not JSON', text);
      return;
    }
    if (frame === null || typeof frame !== 'object') return;
    if ('re' in frame || frame.error) this.reply(frame);
    else if (typeof frame.seq === 'number') {
      if (this.joined) this.handlers.event(frame);
    } else if (frame.type === 'rights.changed') {
      if (this.joined) this.handlers.joined(frame.body ?? {});
    } else if (frame.type !== 'pong') this.handlers.signal(frame);
  }

  reply(frame) {
    if (frame.re === this.helloRef && frame.re !== undefined) {
      this.helloRef = undefined;
      if (frame.ok) this.joinedWith(frame.body ?? {});
      else this.refused(frame.error ?? {});
      return;
    }
    const waiting = this.pending.get(frame.re);
    if (!waiting) {
      if (frame.error) console.warn('live session: an error for no command of ours', frame.error);
      return;
    }
    this.pending.delete(frame.re);
    if (frame.ok) waiting.resolve(frame.body ?? {});
    else {
      const error = frame.error ?? {};
      waiting.reject(new CommandError(error.code ?? 'unknown', error.message ?? '', error.field ?? null, error.fields));
    }
  }

  joinedWith(body) {
    this.joined = true;
    this.attempt = 0;
    this.handlers.joined(body);
    this.handlers.state('open');
    // Commands sent while the connection was down, or whose reply was lost with it: the same ref is applied once.
    this.pending.forEach(({ frame }) => this.socket?.send(frame));
  }

  refused(error) {
    if (error.code === 'too_fast' || error.code === 'internal_error') {
      this.drop('try again');
      return;
    }
    this.giveUp(LOGIN_ENDED.has(error.code) ? 'login_ended' : error.code ?? 'unknown', error.message ?? '');
  }

  lost(code, reason = '') {
    this.joined = false;
    if (this.stopped) return;
    if (code === SIGNED_OUT || code === NOT_ALLOWED) {
      this.giveUp(code === SIGNED_OUT ? 'login_ended' : 'not_allowed', reason);
      return;
    }
    if (FINAL_CLOSES.has(code)) {
      this.giveUp(code === 1003 ? 'session_not_found' : 'unsupported', '');
      return;
    }
    if (navigator.onLine === false) {
      // Nothing can get through until the browser is back online; the online event reconnects at once.
      this.handlers.state('offline');
      return;
    }
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.handlers.state('reconnecting');
    this.retry = setTimeout(() => this.connect(), delay);
  }

  /** Gives up on the current socket (the network is gone, or it fell silent) and goes on as if it had closed. */
  drop(reason) {
    const socket = this.socket;
    if (!socket) {
      if (reason === 'offline' && !this.stopped) {
        clearTimeout(this.retry);
        this.handlers.state('offline');
      }
      return;
    }
    this.socket = null;
    try {
      socket.close(4000, reason);
    } catch {
      // Already closing.
    }
    this.lost(1006);
  }

  reconnectNow() {
    if (this.stopped || navigator.onLine === false) return;
    if (this.socket) {
      this.ping();
      return;
    }
    this.attempt = Math.min(this.attempt, 1);
    this.connect();
  }

  /** Keeps the connection alive (the server closes one silent for 60 s) and finds out when it has silently died. */
  ping() {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    if (this.unanswered && Date.now() - this.unanswered > PONG_WAIT_MS) {
      this.drop('no answer');
      return;
    }
    if (!this.unanswered) this.unanswered = Date.now();
    socket.send('{"type":"ping"}');
  }
}
