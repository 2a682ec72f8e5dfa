import type { TFunction } from 'i18next';
import type { MatchSummary } from '@touchline/contract';
import type { ApiError } from '../../lib/api.ts';
import { formatDay } from '../../lib/time.ts';
import { fieldErrors } from './forms.ts';

/** Field messages of a refused generation: the season's dates in words beside the first date, not a server text. */
export function fixtureFieldErrors(error: ApiError | undefined, t: TFunction, lang: string): Record<string, string> {
  if (error?.code === 'first_date_required') return { firstDate: t('admin.fixtures.firstDateRequired') };
  if (error?.code !== 'fixtures_outside_season') return fieldErrors(error);
  const d = error.details as { date?: string; startsOn?: string | null; endsOn?: string | null } | undefined;
  const day = (date: string | null | undefined) => (date ? formatDay(date, lang) : '…');
  return {
    firstDate: t('admin.fixtures.outsideSeason', { date: day(d?.date), from: day(d?.startsOn), to: day(d?.endsOn) }),
  };
}

/** The earliest kick-off of each round, by round id: the date a round is listed with. */
export function firstKickoffs(matches: readonly Pick<MatchSummary, 'round' | 'kickoffAt'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of matches) {
    const round = m.round?.id;
    const known = round && out.get(round);
    if (round && (!known || m.kickoffAt < known)) out.set(round, m.kickoffAt);
  }
  return out;
}
