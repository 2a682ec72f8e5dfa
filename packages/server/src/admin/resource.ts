import { asc, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { AdminIdParams, NoContent } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { type AdminTx, adminWrite, found } from './write.ts';

type IdTable = PgTable & { id: PgColumn };

export interface Resource<Row extends { id: number }> {
  /** Singular and plural names: the answer keys, the audit entity and the path. */
  entity: string;
  plural: string;
  table: IdTable;
  create: ZodType;
  update: ZodType;
  /** `{ [entity]: dto }` and `{ [plural]: dto[] }`. */
  answer: ZodType;
  list: ZodType;
  /** Stored values a create starts from; the bodies' keys are the columns'. */
  defaults?: () => Record<string, unknown>;
  dto: (row: Row) => object;
  /** Follow-up inside the same transaction after a create or an update (e.g. a season patch). */
  changed?: (w: AdminTx, row: Row) => Promise<void>;
}

/** List, read, create, update and delete for a flat league table; deletes of rows still in use answer 409 in_use. */
export function resourceRoutes<Row extends { id: number }>(app: FastifyInstance, r: Resource<Row>) {
  const { entity, plural, table } = r;
  const base = `/${plural}`;
  const tags = ['admin'];
  const load = async (db: Executor, id: string, lock = false) => {
    const q = db
      .select()
      .from(table as PgTable)
      .where(eq(table.id, Number(id)));
    return found((await (lock ? q.for('update') : q))[0] as Row | undefined, entity);
  };

  app.get(base, { schema: { tags, response: { 200: r.list } } }, async () => {
    const rows = (await app.db
      .select()
      .from(table as PgTable)
      .orderBy(asc(table.id))) as Row[];
    return { [plural]: rows.map(r.dto) };
  });

  app.get(`${base}/:id`, { schema: { params: AdminIdParams, tags, response: { 200: r.answer } } }, async (req) => ({
    [entity]: r.dto(await load(app.db, (req.params as { id: string }).id)),
  }));

  app.post(base, { schema: { body: r.create, tags, response: { 201: r.answer } } }, async (req, reply) => {
    const row = await adminWrite(req, async (w) => {
      const [created] = (await w.tx
        .insert(table)
        .values({ ...r.defaults?.(), ...(req.body as object) })
        .returning()) as Row[];
      await w.audit({ action: 'create', entity, entityId: created!.id, after: r.dto(created!) });
      await r.changed?.(w, created!);
      return created!;
    });
    return reply.code(201).send({ [entity]: r.dto(row) });
  });

  app.patch(
    `${base}/:id`,
    { schema: { params: AdminIdParams, body: r.update, tags, response: { 200: r.answer } } },
    async (req) => {
      const { id } = req.params as { id: string };
      const row = await adminWrite(req, async (w) => {
        const before = await load(w.tx, id, true);
        const [after] = (await w.tx
          .update(table)
          .set(req.body as object)
          .where(eq(table.id, before.id))
          .returning()) as Row[];
        await w.audit({ action: 'update', entity, entityId: before.id, before: r.dto(before), after: r.dto(after!) });
        await r.changed?.(w, after!);
        return after!;
      });
      return { [entity]: r.dto(row) };
    },
  );

  app.delete(
    `${base}/:id`,
    { schema: { params: AdminIdParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      await adminWrite(req, async (w) => {
        const before = await load(w.tx, id, true);
        await w.tx.delete(table).where(eq(table.id, before.id));
        await w.audit({ action: 'delete', entity, entityId: before.id, before: r.dto(before) });
      });
      return reply.code(204).send(null);
    },
  );
}
