import type { MatchEvent } from '@touchline/contract';
import { isScoring } from '@touchline/domain';
import { useFreshEvents } from '../../lib/use-fresh-events.ts';

const scoring = (e: MatchEvent) => isScoring(e.type);

/** Goals that arrived after the page opened, in arrival order, each for a few seconds. */
export const useFreshGoals = (events: MatchEvent[]) => useFreshEvents(events, scoring);
