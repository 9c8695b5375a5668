/**
 * A call without a media server: the browser connects directly to each other person in the room (at most 8), the
 * server passing each offer and answer over the session's WebSocket (`media.signal`) only between people of the same
 * room. Each description goes once its ICE candidates are gathered, so no candidate needs a frame of its own. Uses
 * the "perfect negotiation" pattern: the person with the greater id yields when both offer at once. Reports to the
 * same `events` as a Janus call, with person ids as feeds.
 */

const GATHERING_MS = 3000;

export class PeerCall {
  constructor(room, me, connection, events) {
    this.room = room;
    this.me = me;
    this.connection = connection;
    this.events = events;
    this.peers = new Map();
    this.local = null;
    this.want = { audio: false, video: false };
    this.closed = false;
  }

  async start() {
    this.events.status('joined');
    this.update(this.room);
  }

  /** The room's people changed: call whoever is new, hang up on whoever left. */
  update(room) {
    this.room = room;
    const ids = new Set(room.peers.map((p) => p.personId));
    for (const [id, peer] of this.peers) {
      if (!ids.has(id)) {
        peer.pc.close();
        this.peers.delete(id);
        this.events.gone(id);
      }
    }
    for (const person of room.peers) {
      if (!this.peers.has(person.personId)) this.connect(person.personId);
    }
  }

  connect(id) {
    const pc = new RTCPeerConnection({ iceServers: this.room.iceServers ?? [] });
    const peer = { pc, polite: this.me.personId > id, making: false, ignoring: false };
    this.peers.set(id, peer);
    this.events.peer(id);
    if (!peer.polite) {
      // One side opens the call; the other's transceivers come with its offer.
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    pc.ontrack = ({ track }) => {
      this.events.track(id, track, true);
      track.onended = () => this.events.track(id, track, false);
    };
    pc.onnegotiationneeded = async () => {
      try {
        peer.making = true;
        await pc.setLocalDescription();
        await this.sendDescription(id, pc);
      } catch (error) {
        this.events.status(`error: ${error.message}`);
      } finally {
        peer.making = false;
      }
    };
    this.attachLocal(pc);
  }

  async sendDescription(id, pc) {
    await gathered(pc);
    if (this.closed || pc.signalingState === 'closed') return;
    this.connection.send('media.signal', { to: id, signal: { description: pc.localDescription.toJSON() } })
      .catch((error) => this.events.status(error.message));
  }

  /** A `media.signal` frame's body: a description from one of the room's people. */
  async signal({ from, signal }) {
    const peer = this.peers.get(from);
    if (!peer || !signal?.description) return;
    const { pc } = peer;
    const description = signal.description;
    const collision = description.type === 'offer' && (peer.making || pc.signalingState !== 'stable');
    peer.ignoring = !peer.polite && collision;
    if (peer.ignoring) return;
    await pc.setRemoteDescription(description);
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      await this.sendDescription(from, pc);
    }
  }

  /** Sets what the person wants to send: asks for the devices the first time, then sends or stops their tracks. */
  async send(want) {
    this.want = { ...want };
    if ((want.audio || want.video) && !this.local) {
      try {
        this.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch (error) {
        this.events.blocked(error);
        return;
      }
      this.local.getVideoTracks().forEach((track) => this.events.local(track, true));
      this.peers.forEach(({ pc }) => this.attachLocal(pc));
    }
    this.local?.getAudioTracks().forEach((track) => { track.enabled = want.audio; });
    this.local?.getVideoTracks().forEach((track) => { track.enabled = want.video; });
  }

  attachLocal(pc) {
    if (!this.local) return;
    for (const track of this.local.getTracks()) {
      const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === track.kind && !t.sender.track);
      if (transceiver) {
        transceiver.direction = 'sendrecv';
        transceiver.sender.replaceTrack(track);
      } else {
        pc.addTrack(track, this.local);
      }
    }
  }

  close() {
    this.closed = true;
    this.peers.forEach(({ pc }) => pc.close());
    this.peers.clear();
    this.local?.getTracks().forEach((track) => track.stop());
    this.local = null;
  }
}

/** Resolves when the connection has gathered its ICE candidates, or after a few seconds with what it has. */
function gathered(pc) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, GATHERING_MS);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
