import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AuthAnswer,
  CreateUserBody,
  LoginBody,
  MeAnswer,
  MIN_PASSWORD_LENGTH,
  TelegramBody,
  UserAnswer,
} from '@touchline/contract';
import { clubs, users } from '../db/schema.ts';
import { clientAddress } from '../http/client-address.ts';
import { ApiError } from '../http/errors.ts';
import { unitOfWork } from '../changes/unit-of-work.ts';
import { TOKEN_TTL_SECONDS } from './keyring.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { requireUser } from './plugin.ts';
import { LoginLimiter } from './rate-limit.ts';
import { type TelegramIdentity, verifyInitData } from './telegram.ts';
import { principalOf, toUser, upsertTelegramFan } from './users.ts';

/** What a Telegram sign-in tells the rest of the app: the app hands the fan's answer on to notifications. */
export type TelegramFanSeen = (fan: { userId: number } & TelegramIdentity) => Promise<void>;

export const authRoutes: FastifyPluginAsyncZod<{ limiter: LoginLimiter; telegramFanSeen: TelegramFanSeen }> = async (
  app,
  opts,
) => {
  const { limiter, telegramFanSeen } = opts;
  const issue = async (u: typeof users.$inferSelect) => ({
    token: await app.keyring.sign(principalOf(u)),
    expiresIn: TOKEN_TTL_SECONDS,
    user: toUser(u),
  });

  app.post(
    '/auth/login',
    { schema: { body: LoginBody, tags: ['auth'], response: { 200: AuthAnswer } } },
    async (req, reply) => {
      const { login, password } = req.body;
      const address = clientAddress(req);
      const admission = await limiter.take(login, address);
      if (!admission.admitted) {
        req.log.info({ login, address, limit: admission.limit }, 'sign-in refused by the limiter');
        void reply.header('retry-after', String(admission.retryAfter));
        throw new ApiError('rate_limited', 'Too many failed sign-ins; try again later');
      }
      const [u] = await app.db.select().from(users).where(eq(users.login, login));
      const ok = await verifyPassword(password, u?.passwordHash ?? null);
      if (!u || !ok || !u.active) {
        req.log.info({ login, address }, 'failed sign-in');
        throw new ApiError('invalid_credentials', 'Wrong login or password');
      }
      await limiter.succeed(login, address);
      // Who signed in from where, beside what they changed (docs/decisions/029).
      await unitOfWork(app, ({ audit }) =>
        audit({ actorId: u.id, action: 'sign_in', entity: 'user', entityId: u.id, after: { address } }),
      );
      return reply.send(await issue(u));
    },
  );

  app.post(
    '/auth/telegram',
    { schema: { body: TelegramBody, tags: ['auth'], response: { 200: AuthAnswer } } },
    async (req) => {
      const id = verifyInitData(req.body.initData, app.config.telegramBotToken, app.config.telegramMaxAgeSeconds);
      const u = await upsertTelegramFan(app.db, id);
      if (!u.active || u.role !== 'fan') throw new ApiError('forbidden', 'This Telegram account cannot sign in here');
      await telegramFanSeen({ userId: u.id, ...id });
      return issue(u);
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: MeAnswer } } }, async (req) => {
    const p = await requireUser(req);
    const [u] = await app.db
      .select()
      .from(users)
      .where(eq(users.id, Number(p.userId)));
    return { user: toUser(u!) };
  });

  app.post(
    '/admin/users',
    { schema: { body: CreateUserBody, tags: ['admin'], response: { 201: UserAnswer } } },
    async (req, reply) => {
      const actor = await requireUser(req, ['admin']);
      const b = req.body;
      if (b.password.length < MIN_PASSWORD_LENGTH) {
        throw new ApiError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      if (b.role === 'captain') {
        const [club] = await app.db
          .select({ id: clubs.id })
          .from(clubs)
          .where(eq(clubs.id, Number(b.clubId)));
        if (!club) throw new ApiError('not_found', 'No such club');
      }
      const user = await unitOfWork(app, async ({ tx, audit }) => {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.login, b.login));
        if (taken) throw new ApiError('login_taken', 'That login is taken');
        const [u] = await tx
          .insert(users)
          .values({
            login: b.login,
            displayName: b.displayName ?? b.login,
            role: b.role,
            clubId: b.role === 'captain' ? Number(b.clubId) : null,
            passwordHash: await hashPassword(b.password),
          })
          .onConflictDoNothing()
          .returning();
        if (!u) throw new ApiError('login_taken', 'That login is taken');
        await audit({ actorId: actor.userId, action: 'create', entity: 'user', entityId: u.id, after: toUser(u) });
        return u;
      });
      return reply.code(201).send({ user: toUser(user) });
    },
  );
};
