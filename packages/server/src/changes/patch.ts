import type { Change } from '@touchline/contract';
import type { Tx } from '../db/client.ts';
import { changeLog } from '../db/schema.ts';

/** One committed patch of a topic, as it goes out after commit (docs/protocol.md §9.5). */
export interface CommittedPatch {
  topic: string;
  epoch: string;
  seq: number;
  changes: Change[];
}

/** Where committed patches go: this instance's sockets and the other instances (`realtime/fanout.ts`). */
export interface PatchPublisher {
  publish(patches: readonly CommittedPatch[]): void;
}

/** Appends a patch whose seq the caller has taken to the change log, inside the write's transaction. */
export async function appendPatch(tx: Tx, patch: CommittedPatch): Promise<CommittedPatch> {
  await tx.insert(changeLog).values(patch);
  return patch;
}
