/**
 * A call without a media server: the browser connects directly to each other person in the room (at most 8), the
 * server passing each offer and answer over the session's WebSocket (`media.signal`) only between people of the same
 * room. Each description goes once its ICE candidates are gathered, so no candidate needs a frame of its own. Uses
 * the "perfect negotiation" pattern: the person with the greater id yields when both offer at once. Reports to the
 * same `events` as a Janus call, with person ids as feeds. Each device is asked for only when the person turns it on,
 * from the one they chose; in audio-only mode no video is sent, and offered video is answered as inactive.
 */
import { constraints } from './devices.js';

const GATHERING_MS = 3000;

export class PeerCall {
  /** `choices()` gives the person's devices and audio-only mode as they are now (see devices.js). */
  constructor(room, me, connection, events, choices) {
    this.room = room;
    this.me = me;
    this.connection = connection;
    this.events = events;
    this.choices = choices;
    this.peers = new Map();
    this.local = new MediaStream();
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
      if (!this.choices().audioOnly) pc.addTransceiver('video', { direction: 'recvonly' });
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
      if (this.choices().audioOnly) {
        pc.getTransceivers().filter((t) => t.receiver.track.kind === 'video').forEach((t) => { t.direction = 'inactive'; });
      }
      await pc.setLocalDescription();
      await this.sendDescription(from, pc);
    }
  }

  /** Sets what the person wants to send: asks for each device the first time it is turned on, then sends or stops it. */
  async send(want) {
    this.want = { ...want, video: want.video && !this.choices().audioOnly };
    for (const kind of ['audio', 'video']) {
      if (this.want[kind] && !this.track(kind)) {
        try {
          await this.capture(kind);
        } catch (error) {
          this.want = { audio: false, video: false };
          this.events.blocked(error);
          return;
        }
      }
      const track = this.track(kind);
      if (track) track.enabled = this.want[kind];
    }
  }

  track(kind) {
    return kind === 'audio' ? this.local.getAudioTracks()[0] : this.local.getVideoTracks()[0];
  }

  /** Takes one device, the one chosen for its kind, and sends it to everyone in the call. */
  async capture(kind) {
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints(kind, this.choices()) });
    const [track] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
    if (this.closed) {
      track.stop();
      return;
    }
    this.local.addTrack(track);
    this.events.local(track, true);
    this.peers.forEach(({ pc }) => this.attachLocal(pc));
  }

  /**
   * Audio-only mode turned on or off during the call: video stops both ways (each connection renegotiates its video
   * as inactive), or is received again, and sent once the person turns the camera on.
   */
  setAudioOnly(on) {
    const video = this.track('video');
    if (on && video) {
      this.local.removeTrack(video);
      video.stop();
      this.events.local(video, false);
    }
    this.peers.forEach(({ pc }) => {
      const transceivers = pc.getTransceivers().filter((t) => t.receiver.track.kind === 'video' && !t.stopped);
      if (!on && !transceivers.length) pc.addTransceiver('video', { direction: 'recvonly' });
      transceivers.forEach((t) => {
        if (on) t.sender.replaceTrack(null);
        t.direction = on ? 'inactive' : 'recvonly';
      });
    });
  }

  /** The person chose another microphone or camera: the track being sent is replaced by one from it. */
  async switchDevice(kind) {
    const old = this.track(kind);
    if (!old) return;
    let track;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraints(kind, this.choices()) });
      [track] = stream.getTracks();
    } catch (error) {
      this.events.blocked(error);
      return;
    }
    track.enabled = old.enabled;
    this.local.removeTrack(old);
    this.local.addTrack(track);
    this.peers.forEach(({ pc }) => pc.getSenders().filter((sender) => sender.track === old).forEach((sender) => sender.replaceTrack(track)));
    this.events.local(old, false);
    this.events.local(track, true);
    old.stop();
  }

  attachLocal(pc) {
    for (const track of this.local.getTracks()) {
      if (pc.getSenders().some((sender) => sender.track === track)) continue;
      const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === track.kind && !t.sender.track
        && t.direction !== 'inactive');
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
    this.local.getTracks().forEach((track) => track.stop());
    this.local = new MediaStream();
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
