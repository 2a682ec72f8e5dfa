import type { FastifyPluginAsync } from 'fastify';
import {
  CreateRefereeBody,
  CreateVenueBody,
  RefereeAnswer,
  RefereeList,
  UpdateRefereeBody,
  UpdateVenueBody,
  VenueAnswer,
  VenueList,
} from '@touchline/contract';
import { referees, venues } from '../db/schema.ts';
import { resourceRoutes } from './resource.ts';

/** Venues and referees: plain lists a match points at. */
export const venueRoutes: FastifyPluginAsync = async (app) => {
  resourceRoutes(app, {
    entity: 'venue',
    plural: 'venues',
    table: venues,
    create: CreateVenueBody,
    update: UpdateVenueBody,
    answer: VenueAnswer,
    list: VenueList,
    dto: (v: typeof venues.$inferSelect) => ({ id: String(v.id), name: v.name, address: v.address }),
  });
  resourceRoutes(app, {
    entity: 'referee',
    plural: 'referees',
    table: referees,
    create: CreateRefereeBody,
    update: UpdateRefereeBody,
    answer: RefereeAnswer,
    list: RefereeList,
    dto: (r: typeof referees.$inferSelect) => ({ id: String(r.id), name: r.name }),
  });
};
