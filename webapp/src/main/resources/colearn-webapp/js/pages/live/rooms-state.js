/**
 * The breakout rooms as this person may know them (docs/protocol.md, "Breakout rooms"): whether rooms are open, the
 * room they are in, the rooms they can see (their own, or all of them for a facilitator) with members and chat, and
 * for facilitators the help requests that came in. Applying a room event says what to draw again and what to tell;
 * it touches no DOM.
 */

const CHAT_KEPT = 100;

export class RoomsState {
  constructor() {
    this.open = false;
    this.myRoomId = null;
    /** `[{id, name, members:[{personId, name, site}], chat:[message]}]` */
    this.list = [];
    /** Help requests as they came, newest last, each `handled` (and `handledBy`) once a facilitator marked it. */
    this.helpRequests = [];
    /** For the person who asked for help: who handled their request, to tell them once. */
    this.helpNews = null;
    /** What to tell the person about where they now are, after a view put them somewhere new. */
    this.news = null;
  }

  /** Takes the rooms of a hello view; when it puts the person somewhere new (a resume after moves), that is news. */
  replaceWith(view, you) {
    const before = this.myRoomId;
    this.open = Boolean(view?.open);
    this.myRoomId = view?.myRoomId ?? null;
    this.list = (view?.rooms ?? []).map((room) => ({
      id: room.id, name: room.name, members: [...(room.members ?? [])], chat: [...(room.chat ?? [])].slice(-CHAT_KEPT),
    }));
    if (this.myRoomId && this.myRoomId !== before) this.news = this.whereYouAre(you);
    else if (before && !this.myRoomId) this.news = this.open ? IN_PLENARY : BACK;
  }

  /** The news once: the page tells it, then it is old. */
  takeNews() {
    const news = this.news;
    this.news = null;
    return news;
  }

  room(id) {
    return this.list.find((room) => room.id === id) ?? null;
  }

  get mine() {
    return this.room(this.myRoomId);
  }

  /** The id of the room someone is in, or null for the plenary. */
  roomOf(personId) {
    return this.list.find((room) => room.members.some((member) => member.personId === personId))?.id ?? null;
  }

  /**
   * Applies a room event; returns `{parts, announce, alert, roomMessage}` like LiveState.apply, or null for an event
   * that is not about rooms.
   */
  apply(type, body, you) {
    const me = you?.personId;
    switch (type) {
      case 'rooms.opened':
        this.open = true;
        this.list = (body.rooms ?? []).map((room) => ({ ...room, members: [...(room.members ?? [])], chat: [] }));
        return { parts: ['rooms'], announce: `${countOf(this.list.length)} open. Move people or visit a room below.` };
      case 'room.assigned':
        return this.assigned(body.room ?? null, you);
      case 'breakouts.opened':
        this.open = true;
        return {
          parts: ['rooms'],
          announce: this.myRoomId || you?.role === 'facilitator' ? null : `${countOf(body.rooms)} open; you stay in the plenary.`,
        };
      case 'room.moved': {
        const person = body.person ?? {};
        if (person.personId === me && you?.role !== 'facilitator') return { parts: [] }; // room.assigned says where
        const from = this.room(body.from);
        if (from) from.members = from.members.filter((m) => m.personId !== person.personId);
        const to = this.room(body.to);
        if (to && !to.members.some((m) => m.personId === person.personId)) to.members.push(person);
        return { parts: ['rooms'], announce: this.movedWords(person, body) };
      }
      case 'rooms.closed':
      case 'session.ended': {
        const wasIn = Boolean(this.myRoomId);
        this.open = false;
        this.myRoomId = null;
        this.list = [];
        if (type === 'session.ended') return { parts: ['rooms'] };
        return { parts: ['rooms'], announce: wasIn || you?.role === 'facilitator' ? BACK_ALL(you) : 'Breakouts closed.' };
      }
      case 'room.chat.message': {
        const room = this.room(body.roomId);
        if (!room) return { parts: [] };
        room.chat.push(body);
        if (room.chat.length > CHAT_KEPT) room.chat.shift();
        return { parts: [], roomMessage: body };
      }
      case 'help.requested': {
        this.helpRequests.push({ ...body, key: `${body.personId}@${body.at}`, handled: false });
        const words = `Help requested by ${person(body)} in ${body.roomName ?? 'a room'}${body.message ? `: ${body.message}` : '.'}`;
        return { parts: ['rooms'], alert: words };
      }
      case 'help.handled': {
        this.helpRequests.forEach((request) => {
          if (request.personId === body.personId && !request.handled) Object.assign(request, { handled: true, handledBy: body.by });
        });
        if (body.personId !== me) return { parts: ['rooms'] };
        this.helpNews = `Your help request was handled by ${body.by}.`;
        return { parts: ['rooms'], alert: this.helpNews };
      }
      default:
        return null;
    }
  }

  /** Who handled this person's help request, once: the page shows it, then it is old. */
  takeHelpNews() {
    const news = this.helpNews;
    this.helpNews = null;
    return news;
  }

  assigned(room, you) {
    if (!room) {
      const was = this.myRoomId;
      this.myRoomId = null;
      if (you?.role !== 'facilitator') this.list = [];
      return { parts: ['rooms'], announce: was ? IN_PLENARY : null };
    }
    this.open = true;
    const known = this.room(room.id);
    // Someone moved into a room is sent its chat so far; a facilitator already holds every room's.
    const chat = room.chat ? [...room.chat].slice(-CHAT_KEPT) : known?.chat ?? [];
    const next = { id: room.id, name: room.name, members: [...(room.members ?? [])], chat: known?.chat ?? chat };
    if (you?.role === 'facilitator') this.list = this.list.map((r) => (r.id === room.id ? next : r));
    else this.list = [next];
    this.myRoomId = room.id;
    return { parts: ['rooms'], announce: this.whereYouAre(you) };
  }

  /** "You are now in Room 2 with Ann Lee (Ashford) and Omar Doctor (Sevenoaks)." */
  whereYouAre(you) {
    const room = this.mine;
    if (!room) return null;
    const others = room.members.filter((member) => member.personId !== you?.personId).map(person);
    return others.length
      ? `You are now in ${room.name} with ${sentence(others)}.`
      : `You are now in ${room.name}. Nobody else is in it yet.`;
  }

  movedWords(moved, { from, to }) {
    const name = person(moved);
    if (from && from === this.myRoomId) return `${name} has left your room.`;
    if (to && to === this.myRoomId) return `${name} has joined your room.`;
    return `${name} moved to ${this.room(to)?.name ?? 'the plenary'}.`;
  }
}

const BACK = 'Breakouts closed: you are back in the plenary.';
const IN_PLENARY = 'You are now in the plenary; the breakout rooms go on without you.';
const BACK_ALL = (you) => (you?.role === 'facilitator' ? 'Breakouts closed: everyone is back in the plenary.' : BACK);

/** "Ann Lee (Ashford)", or the name alone when no site is known. */
export function person(member) {
  return member?.site ? `${member.name} (${member.site})` : (member?.name ?? 'Someone');
}

function countOf(rooms) {
  return rooms === 1 ? '1 breakout room is' : `${rooms} breakout rooms are`;
}

/** "A", "A and B", "A, B and C". */
function sentence(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
