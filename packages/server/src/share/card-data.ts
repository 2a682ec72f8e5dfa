import { eq } from 'drizzle-orm';
import type { MatchSummary, Side } from '@touchline/contract';
import { type LabelLanguage, matchFacts, roundLabel } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import { competitions, seasons } from '../db/schema.ts';
import { computeStandings } from '../league/standings.ts';
import { factEvents } from '../reads/fact-events.ts';
import { loadLineup } from '../reads/snapshot.ts';
import { getSummary } from '../reads/summary.ts';
import type { LineupCardModel } from './lineup-card.ts';
import type { ResultCardModel } from './result-card.ts';
import type { StandingsCardModel } from './standings-card.ts';
import { cardTexts, type CardTexts } from './texts.ts';

const LOCALES: Record<LabelLanguage, string> = { ru: 'ru-RU', en: 'en-GB' };

const when = (iso: string, lang: LabelLanguage, timeZone: string, parts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALES[lang], { timeZone, ...parts }).format(new Date(iso));

function status(m: MatchSummary, t: CardTexts, lang: LabelLanguage, timeZone: string): string {
  if (m.status === 'scheduled') return t.kickoff(when(m.kickoffAt, lang, timeZone, { timeStyle: 'short' }));
  return t[m.status];
}

/** The round, when there is one, and the day it is played. */
const matchSubtitle = (m: MatchSummary, lang: LabelLanguage, timeZone: string) =>
  [m.round && roundLabel(m.round, lang), when(m.kickoffAt, lang, timeZone, { dateStyle: 'long' })]
    .filter(Boolean)
    .join(' · ');

export async function resultModel(
  db: Executor,
  matchId: number,
  lang: LabelLanguage,
  timeZone: string,
): Promise<ResultCardModel | undefined> {
  const m = await getSummary(db, matchId);
  if (!m) return undefined;
  const t = cardTexts[lang];
  const facts = matchFacts({ status: m.status, score: m.score, events: await factEvents(db, matchId), lineups: [] });
  const scorers: Record<Side, string[]> = { home: [], away: [] };
  for (const g of facts.goals) {
    const mark = g.type === 'own_goal' ? ` (${t.ownGoal})` : g.type === 'penalty_goal' ? ` (${t.penalty})` : '';
    scorers[g.side].push(`${g.scorer ?? t.unknownPlayer} ${g.minute}′${mark}`);
  }
  return {
    competition: m.competition.name,
    subtitle: matchSubtitle(m, lang, timeZone),
    home: m.homeClub.name,
    away: m.awayClub.name,
    score: m.score,
    ...(m.shootout ? { shootout: t.shootout(m.shootout.home, m.shootout.away) } : {}),
    status: status(m, t, lang, timeZone),
    scorers,
  };
}

export async function lineupModel(
  db: Executor,
  matchId: number,
  side: Side,
  lang: LabelLanguage,
  timeZone: string,
): Promise<LineupCardModel | undefined> {
  const m = await getSummary(db, matchId);
  if (!m) return undefined;
  const t = cardTexts[lang];
  const club = side === 'home' ? m.homeClub : m.awayClub;
  return {
    title: `${club.name} · ${t.lineup}`,
    subtitle: `${m.homeClub.name} — ${m.awayClub.name} · ${matchSubtitle(m, lang, timeZone)}`,
    heading: { starters: t.starters, substitutes: t.substitutes, none: t.noLineup },
    entries: await loadLineup(db, matchId, side),
  };
}

export async function standingsModel(
  db: Executor,
  seasonId: number,
  groupId: string | undefined,
  lang: LabelLanguage,
): Promise<StandingsCardModel | undefined> {
  const standings = await computeStandings(db, seasonId);
  const [season] = await db
    .select({ name: seasons.name, competition: competitions.name })
    .from(seasons)
    .innerJoin(competitions, eq(competitions.id, seasons.competitionId))
    .where(eq(seasons.id, seasonId));
  const group = groupId ? standings?.groups.find((g) => g.groupId === groupId) : standings?.groups[0];
  if (!season || !group) return undefined;
  const t = cardTexts[lang];
  return {
    title: season.competition,
    subtitle: [season.name, group.label, t.table].filter(Boolean).join(' · '),
    columns: t.columns,
    rows: group.rows,
  };
}
