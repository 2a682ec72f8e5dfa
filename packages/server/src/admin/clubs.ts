import type { FastifyPluginAsync } from 'fastify';
import { ClubAnswer, ClubList, CreateClubBody, UpdateClubBody, type Club } from '@touchline/contract';
import { clubs } from '../db/schema.ts';
import { resourceRoutes } from './resource.ts';

export const toClub = (c: typeof clubs.$inferSelect): Club => ({
  id: String(c.id),
  name: c.name,
  shortName: c.shortName,
  logoUrl: c.logoUrl,
  primaryColor: c.primaryColor,
  secondaryColor: c.secondaryColor,
  homeGround: c.homeGround,
});

export const clubRoutes: FastifyPluginAsync = async (app) => {
  resourceRoutes(app, {
    entity: 'club',
    plural: 'clubs',
    table: clubs,
    create: CreateClubBody,
    update: UpdateClubBody,
    answer: ClubAnswer,
    list: ClubList,
    dto: toClub,
  });
};
