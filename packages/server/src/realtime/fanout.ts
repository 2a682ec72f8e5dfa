import type { CommittedPatch, PatchPublisher } from '../changes/patch.ts';
import type { Bus, BusMessage } from './bus.ts';

/**
 * After a commit, delivers patches to other instances through the bus and to this instance's sockets. The bus goes
 * first: the local fan-out of a crowded topic takes milliseconds, and the other instances need not wait for it.
 */
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
    if (!patches.length) return;
    const committedAt = Date.now();
    const msgs = patches.map((p): BusMessage => ({ ...p, committedAt, origin: this.bus.instanceId }));
    this.bus.publish(...msgs);
    for (const msg of msgs) this.emit(msg);
  }

  private emit(msg: BusMessage) {
    for (const fn of this.listeners) fn(msg);
  }
}
