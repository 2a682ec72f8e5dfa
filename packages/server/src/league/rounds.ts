import type { RoundRef } from '@touchline/contract';
import { API_LABEL_LANGUAGE, roundLabel } from '@touchline/domain';
import type { rounds } from '../db/schema.ts';

type RoundRow = Pick<typeof rounds.$inferSelect, 'id' | 'label' | 'stage' | 'number'>;

/** A round as the API gives it: stage and number for any reader's language, and its name in the league's. */
export const roundRef = (r: RoundRow): RoundRef => ({
  id: String(r.id),
  label: roundLabel({ stage: r.stage, number: r.number, customLabel: r.label }, API_LABEL_LANGUAGE),
  stage: r.stage,
  number: r.number,
  ...(r.label ? { customLabel: r.label } : {}),
});
