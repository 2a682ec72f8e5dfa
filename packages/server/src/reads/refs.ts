import type { ClubRef, RoundRef } from '@touchline/contract';
import { API_LABEL_LANGUAGE, roundLabel } from '@touchline/domain';
import type { clubs, rounds } from '../db/schema.ts';

type RoundRow = Pick<typeof rounds.$inferSelect, 'id' | 'label' | 'stage' | 'number'>;

/** A round as the API gives it: stage and number for any reader's language, and its name in the league's. */
export const roundRef = (r: RoundRow): RoundRef => ({
  id: String(r.id),
  label: roundLabel({ stage: r.stage, number: r.number, customLabel: r.label }, API_LABEL_LANGUAGE),
  stage: r.stage,
  number: r.number,
  ...(r.label ? { customLabel: r.label } : {}),
});

type ClubRow = Pick<typeof clubs.$inferSelect, 'id' | 'name' | 'shortName' | 'logoUrl'>;

/** A club as every answer names it. */
export const clubRef = (c: ClubRow): ClubRef => ({
  id: String(c.id),
  name: c.name,
  shortName: c.shortName,
  ...(c.logoUrl ? { logoUrl: c.logoUrl } : {}),
});
