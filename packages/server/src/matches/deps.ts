import type { FastifyInstance } from 'fastify';
import type { MatchWriteDeps } from './engine.ts';

/** The engine's dependencies as the app holds them: its database, its fan-out and the judge's window. */
export const writeDeps = (app: FastifyInstance): MatchWriteDeps => ({
  db: app.db,
  fanout: app.fanout,
  settings: { judgeWindowHours: app.config.judgeWindowHours },
});
