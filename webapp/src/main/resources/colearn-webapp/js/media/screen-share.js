/**
 * Sharing one's screen from the stage, through Janus: a publisher of its own in the stage's room, joined with the
 * person's token under the second id the server gave speakers (`screenFeed` in `media.room`), so that everyone in the
 * room receives it as one more stream. The browser asks which screen or window to share (`getDisplayMedia`); stopping
 * the share in the browser's own bar stops it here too.
 */
import { loadJanus } from './janus-call.js';

const PLUGIN = 'janus.plugin.videoroom';

export class ScreenShare {
  /** `room` is the `media.room` body; `ended` is called when the share stops by itself (the browser's bar, a failure). */
  constructor(room, name, ended) {
    this.room = room;
    this.name = name;
    this.ended = ended;
    this.janus = null;
    this.stream = null;
  }

  async start() {
    this.stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const [track] = this.stream.getVideoTracks();
    track.addEventListener('ended', () => this.stop(true));
    await loadJanus();
    await new Promise((resolve, reject) => {
      this.janus = new window.Janus({
        server: this.room.server,
        iceServers: this.room.iceServers ?? [],
        success: () => this.janus.attach({
          plugin: PLUGIN,
          success: (handle) => {
            this.handle = handle;
            handle.send({
              message: {
                request: 'join', ptype: 'publisher', room: this.room.room, id: this.room.screenFeed, token: this.room.token,
                display: `${this.name}'s screen`,
              },
            });
          },
          error: reject,
          onmessage: (message, jsep) => {
            if (message.videoroom === 'joined') {
              this.handle.createOffer({
                tracks: [{ type: 'video', capture: track, recv: false }],
                success: (offer) => this.handle.send({ message: { request: 'configure', audio: false, video: true }, jsep: offer }),
                error: reject,
              });
            } else if (message.error) {
              reject(new Error(message.error));
            }
            if (jsep) {
              this.handle.handleRemoteJsep({ jsep });
              resolve();
            }
          },
        }),
        error: reject,
      });
    }).catch((error) => {
      this.stop(false);
      throw error instanceof Error ? error : new Error(String(error));
    });
  }

  /** Stops sharing; `byItself` tells the page when the person did not ask here. */
  stop(byItself = false) {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.janus?.destroy({ unload: false });
    this.janus = null;
    if (byItself) this.ended();
  }
}
