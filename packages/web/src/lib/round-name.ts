import type { RoundRef } from '@touchline/contract';
import { labelLanguageOf, roundLabel } from '@touchline/domain';

/** A round's name in the reader's language (the league's own name for it when it gave one). */
export const roundName = (round: Pick<RoundRef, 'stage' | 'number' | 'customLabel'>, language: string) =>
  roundLabel(round, labelLanguageOf(language));
