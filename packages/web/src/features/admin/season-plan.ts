import type { SeasonFormat, TieKind } from '@touchline/contract';
import type { FixturesRequest, PlayoffsRequest } from '../../lib/admin-api.ts';

export type FixtureKind = FixturesRequest['kind'];

/** The fixture kinds each season format is built from (the server refuses the others with 409 conflict). */
export const FIXTURE_KINDS: Record<SeasonFormat, readonly FixtureKind[]> = {
  round_robin: ['round_robin'],
  double_round_robin: ['double_round_robin'],
  round_robin_playoff: ['double_round_robin', 'round_robin'],
  groups_knockout: ['groups'],
  knockout: ['knockout'],
};

/** Formats that end in a playoff drawn from the final table. */
export const hasPlayoff = (format: SeasonFormat) => format === 'round_robin_playoff' || format === 'groups_knockout';

export interface ScheduleDraft {
  firstDate: string;
  weekday: number;
  time: string;
  tieKind: TieKind;
  bestOf: number;
}

/** The weekday (0 = Sunday) of a YYYY-MM-DD date, for the weekday field's default; Saturday when unreadable. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? 6 : d.getUTCDay();
}

/** The schedule and tie shape as the API takes them: bestOf only with best_of, and only then. */
function scheduleAndTie(d: ScheduleDraft, ties: boolean) {
  return {
    firstDate: d.firstDate,
    weekday: d.weekday,
    time: d.time,
    ...(ties ? { tieKind: d.tieKind, ...(d.tieKind === 'best_of' ? { bestOf: d.bestOf } : {}) } : {}),
  };
}

/** The body of a fixture generation: ties only for a knockout, a group count only when drawing groups. */
export function fixturesBody(kind: FixtureKind, d: ScheduleDraft, groupCount?: number): FixturesRequest {
  return {
    kind,
    ...scheduleAndTie(d, kind === 'knockout'),
    ...(kind === 'groups' && groupCount !== undefined ? { groupCount } : {}),
  };
}

export const playoffsBody = (qualifiers: number, d: ScheduleDraft): PlayoffsRequest => ({
  qualifiers,
  ...scheduleAndTie(d, true),
});

/** Weekday names in the UI language, Sunday first, as the API counts them. */
export function weekdayNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 7 January 2024 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 7 + i))));
}
