/**
 * The plenary's stage on a live session's page. Facilitators make the plenary a stage, see the raised hands in the
 * order they were raised with "Bring on stage" beside each, send speakers back to the audience, and mute everyone on
 * stage or stop their video. Anyone in the audience raises or lowers a hand; a speaker may leave the stage. Who may
 * publish is the server's decision (the `media.room` frame's `publish`); this part only asks and shows. Whoever is on
 * stage can share their screen (through a media server). It also tells a room's members when a facilitator visits.
 */
import { h, replace } from '../dom.js';
import { ScreenShare } from './screen-share.js';

export function stagePanel({ me, myRoomId, connection, announce, media }) {
  let stage = { open: false, hands: [], speakers: [] };
  /** The media room the server gave this person last, and their screen share in it, if any. */
  let call = null;
  let share = null;

  const heading = h('h2', { id: 'stage-heading', text: 'Stage', tabindex: '-1' });
  const summary = h('p', { class: 'stage-summary' });
  const note = h('p', { class: 'stage-note', role: 'status' });
  const handButton = h('button', { type: 'button', class: 'button', onclick: () => toggleHand() });
  const shareButton = h('button', { type: 'button', class: 'button button--secondary', onclick: () => toggleShare() });
  const leaveButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Leave the stage', onclick: () => run('stage.dismiss') });
  const openButton = h('button', { type: 'button', class: 'button button--secondary', onclick: () => run(stage.open ? 'stage.close' : 'stage.open') });
  const muteButton = h('button', {
    type: 'button', class: 'button button--secondary', text: 'Mute everyone on stage', onclick: () => run('stage.mute', { audio: true }),
  });
  const videoButton = h('button', {
    type: 'button', class: 'button button--secondary', text: 'Stop everyone\'s video', onclick: () => run('stage.mute', { video: true }),
  });
  const speakersHeading = h('h3', { id: 'stage-speakers-heading', text: 'On stage' });
  const speakers = h('ul', { class: 'stage-speakers', 'aria-labelledby': 'stage-speakers-heading' });
  const handsHeading = h('h3', { id: 'stage-hands-heading', text: 'Raised hands' });
  const hands = h('ol', { class: 'stage-hands', 'aria-labelledby': 'stage-hands-heading' });
  const facilitation = h('div', { class: 'stage-facilitation', role: 'group', 'aria-label': 'Run the stage' }, openButton, muteButton, videoButton);
  const section = h('section', { class: 'stage', 'aria-labelledby': 'stage-heading', hidden: true },
    heading, summary, h('div', { class: 'actions' }, handButton, shareButton, leaveButton), facilitation,
    speakersHeading, speakers, handsHeading, hands, note);

  const you = () => me()?.personId;
  const facilitator = () => me()?.role === 'facilitator';
  const handUp = () => stage.hands.some((hand) => hand.personId === you());
  const brought = () => stage.speakers.some((speaker) => speaker.personId === you());
  const nameOf = (personId) => stage.hands.find((p) => p.personId === personId)?.name
    ?? stage.speakers.find((p) => p.personId === personId)?.name ?? 'Someone';

  async function run(type, body = {}) {
    note.textContent = '';
    try {
      await connection.send(type, body);
    } catch (error) {
      note.textContent = error.message;
    }
  }

  function toggleHand() {
    run(handUp() ? 'stage.hand.lower' : 'stage.hand.raise');
  }

  async function toggleShare() {
    note.textContent = '';
    if (share) {
      share.stop();
      share = null;
      announce('You stopped sharing your screen.');
      render();
      return;
    }
    share = new ScreenShare(call, me()?.name ?? 'Someone', () => {
      share = null;
      announce('You stopped sharing your screen.');
      render();
    });
    render();
    try {
      await share.start();
      announce('You are sharing your screen.');
    } catch (error) {
      share = null;
      note.textContent = `Your screen could not be shared: ${error.message}`;
    }
    render();
  }

  /** A `media.room` body: sharing is possible while it names a screen id; a share of an earlier room stops. */
  function assign(next) {
    if (share && (next?.token !== call?.token || next?.room !== call?.room)) {
      share.stop();
      share = null;
    }
    call = next;
    render();
  }

  function person(entry, action) {
    return h('li', { class: 'stage-person' },
      h('span', { class: 'stage-name', text: entry.name }), entry.site ? h('span', { class: 'stage-site', text: ` (${entry.site})` }) : null,
      action);
  }

  function render() {
    // A button that goes as the stage changes ("Bring on stage") gives the focus to the stage's heading, not the page.
    const focused = section.contains(document.activeElement) ? document.activeElement : null;
    draw();
    if (focused && (!focused.isConnected || focused.closest('[hidden]'))) heading.focus();
  }

  function draw() {
    const facilitating = facilitator();
    // The stage is the plenary's: someone in a breakout room has nothing to do with it until they are back.
    section.hidden = !facilitating && (!stage.open || Boolean(myRoomId()));
    openButton.textContent = stage.open ? 'End the stage: everyone may speak' : 'Make the plenary a stage';
    muteButton.hidden = !stage.open;
    videoButton.hidden = !stage.open;
    facilitation.hidden = !facilitating;
    summary.textContent = !stage.open
      ? 'Everyone in the plenary may speak. A stage keeps speaking to the facilitators and whoever they bring on.'
      : facilitating || brought()
        ? 'You are on stage: everyone in the plenary hears and sees you.'
        : 'You are in the audience: you hear and see the stage. Raise your hand to ask to speak.';
    handButton.hidden = !stage.open || facilitating || brought();
    handButton.textContent = handUp() ? 'Lower hand' : 'Raise hand';
    leaveButton.hidden = !stage.open || !brought();
    shareButton.hidden = !(stage.open && call?.mode === 'janus' && call?.screenFeed);
    shareButton.textContent = share ? 'Stop sharing your screen' : 'Share your screen';
    [speakersHeading, speakers, handsHeading, hands].forEach((part) => { part.hidden = !stage.open; });
    replace(speakers, stage.open ? stage.speakers.map((speaker) => person(speaker, facilitating
      ? h('button', {
        type: 'button', class: 'button button--secondary', onclick: () => run('stage.dismiss', { personId: speaker.personId }),
      }, 'Send back to the audience', h('span', { class: 'visually-hidden', text: `: ${speaker.name}` }))
      : null)) : []);
    replace(hands, stage.open ? stage.hands.map((hand) => person(hand, facilitating
      ? h('button', {
        type: 'button', class: 'button', onclick: () => run('stage.invite', { personId: hand.personId }),
      }, 'Bring on stage', h('span', { class: 'visually-hidden', text: `: ${hand.name}` }))
      : null)) : []);
    if (stage.open && stage.hands.length === 0) hands.append(h('li', { class: 'stage-none', text: 'No hands raised.' }));
  }

  /** The stage as a view from hello shows it. */
  function replaceWith(view) {
    stage = { open: false, hands: [], speakers: [], ...(view ?? {}) };
    render();
  }

  /** An event of the session: stage events change the stage; a visit to the person's room is told. */
  function event(frame, live = true) {
    const body = frame.body ?? {};
    const mine = (personId) => personId === you();
    let told = null;
    switch (frame.type) {
      case 'stage.opened':
        stage = { open: true, hands: [], speakers: [] };
        told = facilitator() ? 'The plenary is a stage.' : 'The plenary is a stage: you are in the audience. Raise your hand to speak.';
        break;
      case 'stage.closed':
        stage = { open: false, hands: [], speakers: [] };
        told = 'The stage has ended: everyone in the plenary may speak.';
        break;
      case 'stage.hand.raised':
        stage.hands = [...stage.hands.filter((hand) => hand.personId !== body.person.personId), { ...body.person, at: body.at }];
        told = mine(body.person.personId) ? 'Your hand is raised.' : facilitator() ? `${body.person.name} raised a hand.` : null;
        break;
      case 'stage.hand.lowered':
        told = mine(body.personId) ? 'Your hand is lowered.' : null;
        stage.hands = stage.hands.filter((hand) => hand.personId !== body.personId);
        break;
      case 'stage.joined':
        stage.hands = stage.hands.filter((hand) => hand.personId !== body.person.personId);
        stage.speakers = [...stage.speakers, body.person];
        told = mine(body.person.personId) ? 'You are on stage: turn on your microphone to speak.' : `${body.person.name} is on stage.`;
        break;
      case 'stage.left':
        told = mine(body.personId) ? 'You are back in the audience.' : `${nameOf(body.personId)} left the stage.`;
        stage.speakers = stage.speakers.filter((speaker) => speaker.personId !== body.personId);
        break;
      case 'stage.muted':
        if (live) media?.mute({ audio: body.audio, video: body.video }); // a replay after a reconnection mutes nobody again
        told = `${body.by} ${body.audio && body.video ? 'muted everyone on stage and stopped their video'
          : body.audio ? 'muted everyone on stage' : 'stopped the video of everyone on stage'}.`;
        break;
      case 'room.visited': {
        if (mine(body.person?.personId)) return;
        const here = myRoomId();
        if (here && body.to === here) told = `${body.person.name}, ${body.role}, is visiting.`;
        else if (here && body.from === here) told = `${body.person.name}, ${body.role}, has left the room.`;
        else told = body.to ? `${body.person.name} is visiting ${body.toName}.` : `${body.person.name} stopped visiting.`;
        break;
      }
      default:
        return;
    }
    if (frame.type.startsWith('stage.')) render();
    if (told && live) announce(told);
  }

  render();
  return { section, replaceWith, event, assign, close: () => share?.stop() };
}
