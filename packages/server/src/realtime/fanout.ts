import type { CommittedPatch, PatchPublisher } from '../changes/patch.ts';
import type { Bus, BusMessage } from './bus.ts';

/** After a commit, delivers patches to this instance's sockets at once and to other instances through the bus. */
export class Fanout implements PatchPublisher {
  private readonly listeners = new Set<(msg: BusMessage) => void>();

  constructor(private readonly bus: Bus) {
    bus.onMessage((msg) => this.emit(msg));
  }

  onMessage(fn: (msg: BusMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(patches: readonly CommittedPatch[]): void {
    const committedAt = Date.now();
    for (const p of patches) {
      const msg: BusMessage = { ...p, committedAt, origin: this.bus.instanceId };
      this.emit(msg);
      this.bus.publish(msg);
    }
  }

  private emit(msg: BusMessage) {
    for (const fn of this.listeners) fn(msg);
  }
}
