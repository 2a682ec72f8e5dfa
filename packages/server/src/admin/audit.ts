import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '@touchline/contract';
import { withNames } from '../audit/names.ts';
import { auditWithActors, toAuditEntry } from '../audit/record.ts';
import { auditLog } from '../db/schema.ts';

/** The audit log viewer: newest first, filtered by match, actor and time, a page at a time (cursor = last id). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { schema: { querystring: AuditQuery, tags: ['admin'], response: { 200: AuditPage } } },
    async (req) => {
      const q = req.query;
      const rows = await auditWithActors(app.db)
        .where(
          and(
            q.matchId ? eq(auditLog.matchId, Number(q.matchId)) : undefined,
            q.userId ? eq(auditLog.actorId, Number(q.userId)) : undefined,
            q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
            q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
            q.cursor ? lt(auditLog.id, Number(q.cursor)) : undefined,
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      return {
        entries: await withNames(
          app.db,
          page.map(({ a, u }) => toAuditEntry(a, u)),
        ),
        nextCursor: rows.length > q.limit ? String(page.at(-1)!.a.id) : null,
      };
    },
  );
};
