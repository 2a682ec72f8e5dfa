import type { FastifyPluginAsync } from 'fastify';
import { requireUser } from '../auth/plugin.ts';
import { auditRoutes } from './audit.ts';
import { clubRoutes } from './clubs.ts';
import { competitionRoutes } from './competitions.ts';
import { csvImportRoutes } from './csv-import.ts';
import { fixtureRoutes } from './fixtures.ts';
import { adminMatchRoutes } from './matches.ts';
import { operatorRoutes } from './operators.ts';
import { participantRoutes } from './participants.ts';
import { playerRoutes } from './players.ts';
import { playoffRoutes } from './playoffs.ts';
import { rosterRoutes } from './rosters.ts';
import { seasonExchangeRoutes } from './season-exchange.ts';
import { seasonRemovalRoutes } from './season-removal.ts';
import { seasonRoutes } from './seasons.ts';
import { staffRoutes } from './staff.ts';
import { telegramChannelRoutes } from './telegram-channel.ts';
import { venueRoutes } from './venues.ts';

const areas = [
  competitionRoutes,
  seasonRoutes,
  seasonRemovalRoutes,
  participantRoutes,
  clubRoutes,
  venueRoutes,
  playerRoutes,
  csvImportRoutes,
  rosterRoutes,
  staffRoutes,
  operatorRoutes,
  fixtureRoutes,
  playoffRoutes,
  adminMatchRoutes,
  auditRoutes,
  seasonExchangeRoutes,
  telegramChannelRoutes,
];

/** League administration under /api/admin: admins only, checked before the input is even read. */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', async (req) => {
    await requireUser(req, ['admin']);
  });
  for (const area of areas) await app.register(area, { prefix: '/admin' });
};
