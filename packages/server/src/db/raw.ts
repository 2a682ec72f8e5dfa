import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.ts';

/** The rows of a hand-written query; both drivers answer `{ rows }`, which Drizzle's shared type leaves unknown. */
export async function rawRows<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as { rows: T[] }).rows;
}
