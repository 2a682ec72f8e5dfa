import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import {
  type Competition,
  CompetitionAnswer,
  CompetitionList,
  CreateCompetitionBody,
  UpdateCompetitionBody,
} from '@touchline/contract';
import { competitions, seasons } from '../db/schema.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { resettleSeason } from '../predictions/settle.ts';
import { resourceRoutes } from './resource.ts';

type Row = typeof competitions.$inferSelect;

export const toCompetition = ({ id, createdAt: _createdAt, ...rules }: Row): Competition => ({
  id: String(id),
  ...rules,
});

/**
 * Competitions with their table, discipline and prediction rules; a rule change re-sends the tables of its seasons
 * and settles their finished matches' predictions again.
 */
export const competitionRoutes: FastifyPluginAsync = async (app) => {
  resourceRoutes(app, {
    entity: 'competition',
    plural: 'competitions',
    table: competitions,
    create: CreateCompetitionBody,
    update: UpdateCompetitionBody,
    answer: CompetitionAnswer,
    list: CompetitionList,
    // Kick-offs are planned in the competition's zone, so it is fixed when the competition is made.
    defaults: () => ({ timezone: app.config.timezone }),
    dto: toCompetition,
    changed: async (w, row: Row) => {
      const list = await w.tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.competitionId, row.id));
      // Prediction points may have changed: settled predictions follow the competition's current rules.
      for (const s of list) {
        w.publish(await seasonPatch(w.tx, s.id, [], [], await resettleSeason(w.tx, s.id, new Date())));
      }
    },
  });
};
