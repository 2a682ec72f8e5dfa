import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminIdParams, AdminUserAnswer, PasswordBody, UserList, UserListQuery } from '@touchline/contract';
import { newPasswordHash, passwordReset } from '../auth/password-reset.ts';
import { toAdminUser } from '../auth/users.ts';
import { users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { actorOf, adminWrite, found } from './write.ts';

type Row = typeof users.$inferSelect;
const tags = ['admin'];

/** Staff accounts (creation is POST /api/admin/users): list, reset a password, deactivate and reactivate. */
export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { querystring: UserListQuery, tags, response: { 200: UserList } } }, async (req) => {
    const { role, active } = req.query;
    const rows = await app.db
      .select()
      .from(users)
      .where(
        and(
          // Telegram fans are listed only when asked for.
          role ? eq(users.role, role) : ne(users.role, 'fan'),
          active ? eq(users.active, active === 'true') : undefined,
        ),
      )
      .orderBy(asc(users.login));
    return { users: rows.map(toAdminUser) };
  });

  /** Changes one account inside a transaction with its audit row. */
  const change = (
    req: Parameters<typeof adminWrite>[0],
    id: string,
    action: string,
    set: (before: Row) => Promise<Partial<Row>>,
  ) =>
    adminWrite(req, async (w) => {
      const before = found(
        (
          await w.tx
            .select()
            .from(users)
            .where(eq(users.id, Number(id)))
            .for('update')
        )[0],
        'user',
      );
      const [after] = await w.tx
        .update(users)
        .set(await set(before))
        .where(eq(users.id, before.id))
        .returning();
      await w.audit({
        action,
        entity: 'user',
        entityId: before.id,
        before: toAdminUser(before),
        after: toAdminUser(after!),
      });
      return { user: toAdminUser(after!) };
    });

  // The hash never enters the audit log; the entry only says a reset happened.
  app.post(
    '/users/:id/password',
    { schema: { params: AdminIdParams, body: PasswordBody, tags, response: { 200: AdminUserAnswer } } },
    async (req) => {
      const passwordHash = await newPasswordHash(req.body.password);
      return change(req, req.params.id, 'reset_password', async (u) => passwordReset(u, passwordHash));
    },
  );

  // requireUser re-reads the account on every request, so a deactivated account stops at once.
  app.post(
    '/users/:id/deactivate',
    { schema: { params: AdminIdParams, tags, response: { 200: AdminUserAnswer } } },
    async (req) => {
      if (req.params.id === actorOf(req)) throw new ApiError('conflict', 'You cannot deactivate your own account');
      return change(req, req.params.id, 'deactivate', async () => ({ active: false }));
    },
  );

  app.post(
    '/users/:id/reactivate',
    { schema: { params: AdminIdParams, tags, response: { 200: AdminUserAnswer } } },
    async (req) => change(req, req.params.id, 'reactivate', async () => ({ active: true })),
  );
};
