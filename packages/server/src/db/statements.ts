import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * Counts the SQL statements (round trips to the database) made inside `countStatements`, on either driver, so a
 * test and the bench can see how many one request takes (decision 047). Outside a count nothing is recorded.
 */
const tally = new AsyncLocalStorage<{ statements: number }>();

const note = (n = 1) => {
  const t = tally.getStore();
  if (t) t.statements += n;
};

/** Runs `fn` and answers how many statements it sent, its own and those of anything it awaited. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const t = { statements: 0 };
  const result = await tally.run(t, fn);
  return { result, statements: t.statements };
}

/** Every query of a pooled PostgreSQL client, BEGIN and COMMIT included (the pool's own `query` uses one). */
export function countClientQueries(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: typeof query }).query = (...args) => {
    note();
    return query(...args);
  };
}

/** Every query of the embedded database; a transaction adds its BEGIN and its COMMIT (or ROLLBACK). */
export function countPgliteQueries(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (...args) => (note(), query(...args));
  client.exec = (...args) => (note(), exec(...args));
  client.transaction = <T>(fn: (tx: Transaction) => Promise<T>) => {
    note(2);
    return transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      const txExec = tx.exec.bind(tx);
      const counted: Transaction = Object.create(tx, {
        query: { value: (...args: Parameters<Transaction['query']>) => (note(), txQuery(...args)) },
        exec: { value: (...args: Parameters<Transaction['exec']>) => (note(), txExec(...args)) },
      });
      return fn(counted);
    });
  };
}
