import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { SeasonExport } from '@touchline/contract';
import { API_LABEL_LANGUAGE, reduceEvents, roundLabel, scoreOf, shootoutOf } from '@touchline/domain';

type Cell = string | number | boolean | null | undefined;

/**
 * One CSV file for spreadsheets: a BOM so Excel reads UTF-8 names, and every text cell a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) prefixed with a quote (OWASP's CSV injection advice).
 * Numbers are written as they are: a negative goal difference is no formula.
 */
const csv = (header: string[], rows: Cell[][]) =>
  stringify([header, ...rows], { bom: true, escape_formulas: true, cast: { boolean: (b) => String(b) } });

/** The season export (decision 033) as CSV files in a ZIP archive: one file per kind of record. */
export function seasonCsvZip(doc: SeasonExport): Uint8Array {
  const club = new Map(doc.clubs.map((c) => [c.id, c.name]));
  const group = new Map(doc.groups.map((g) => [g.id, g.label]));
  const player = new Map(doc.players.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const round = new Map(doc.rounds.map((r) => [r.id, r]));
  const venue = new Map(doc.venues.map((v) => [v.id, v.name]));
  const referee = new Map(doc.referees.map((r) => [r.id, r.name]));
  const at = <T>(map: Map<string, T>, id: string | null) => (id === null ? undefined : map.get(id));
  const participant = new Map(doc.participants.map((p) => [p.clubId, p]));

  const files: Record<string, string> = {
    'clubs.csv': csv(
      [
        'id',
        'name',
        'shortName',
        'group',
        'seed',
        'pointsDeduction',
        'homeGround',
        'primaryColor',
        'secondaryColor',
        'logoUrl',
      ],
      doc.clubs.map((c) => {
        const p = participant.get(c.id);
        return [
          c.id,
          c.name,
          c.shortName,
          at(group, p?.groupId ?? null),
          p?.seed,
          p?.pointsDeduction,
          c.homeGround,
          c.primaryColor,
          c.secondaryColor,
          c.logoUrl,
        ];
      }),
    ),
    'players.csv': csv(
      ['id', 'firstName', 'lastName', 'birthDate', 'position'],
      doc.players.map((p) => [p.id, p.firstName, p.lastName, p.birthDate, p.position]),
    ),
    'rosters.csv': csv(
      ['clubId', 'club', 'playerId', 'firstName', 'lastName', 'shirtNumber'],
      doc.rosters.map((r) => {
        const p = doc.players.find((x) => x.id === r.playerId)!;
        return [r.clubId, club.get(r.clubId), r.playerId, p.firstName, p.lastName, r.shirtNumber];
      }),
    ),
    'fixtures.csv': csv(
      [
        'matchId',
        'round',
        'stage',
        'group',
        'tieId',
        'leg',
        'kickoffAt',
        'homeClubId',
        'homeClub',
        'awayClubId',
        'awayClub',
        'venue',
        'referee',
        'status',
      ],
      doc.matches.map((m) => {
        const r = at(round, m.roundId);
        const name = r && roundLabel({ stage: r.stage, number: r.number, customLabel: r.label }, API_LABEL_LANGUAGE);
        return [
          m.id,
          name,
          r?.stage,
          at(group, m.groupId),
          m.tieId,
          m.leg,
          m.kickoffAt,
          m.homeClubId,
          club.get(m.homeClubId),
          m.awayClubId,
          club.get(m.awayClubId),
          at(venue, m.venueId),
          at(referee, m.refereeId),
          m.status,
        ];
      }),
    ),
    'results.csv': csv(
      [
        'matchId',
        'kickoffAt',
        'homeClub',
        'awayClub',
        'homeGoals',
        'awayGoals',
        'homeShootout',
        'awayShootout',
        'finishedAt',
      ],
      doc.matches
        .filter((m) => m.status === 'finished')
        .map((m) => {
          const tally = reduceEvents(m.events);
          const score = scoreOf(tally);
          const shootout = shootoutOf(tally);
          return [
            m.id,
            m.kickoffAt,
            club.get(m.homeClubId),
            club.get(m.awayClubId),
            score.home,
            score.away,
            shootout?.home,
            shootout?.away,
            m.finishedAt,
          ];
        }),
    ),
    'events.csv': csv(
      [
        'matchId',
        'eventId',
        'minute',
        'addedTime',
        'type',
        'side',
        'club',
        'playerId',
        'player',
        'relatedPlayerId',
        'relatedPlayer',
        'scored',
        'text',
        'createdAt',
      ],
      doc.matches.flatMap((m) =>
        m.events.map((e) => [
          m.id,
          e.id,
          e.minute,
          e.addedTime,
          e.type,
          e.side,
          club.get(e.side === 'home' ? m.homeClubId : m.awayClubId),
          e.playerId,
          at(player, e.playerId),
          e.relatedPlayerId,
          at(player, e.relatedPlayerId),
          e.scored,
          e.text ?? null,
          e.createdAt,
        ]),
      ),
    ),
    'standings.csv': csv(
      [
        'group',
        'position',
        'clubId',
        'club',
        'played',
        'won',
        'drawn',
        'lost',
        'goalsFor',
        'goalsAgainst',
        'goalDifference',
        'points',
        'deduction',
      ],
      doc.standings.groups.flatMap((g) =>
        g.rows.map((r) => [
          g.label,
          r.position,
          r.club.id,
          r.club.name,
          r.played,
          r.won,
          r.drawn,
          r.lost,
          r.goalsFor,
          r.goalsAgainst,
          r.goalDifference,
          r.points,
          r.deduction,
        ]),
      ),
    ),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}
