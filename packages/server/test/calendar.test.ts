import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { matchesCalendar } from '../src/public/calendar.ts';
import type { Api } from './api.ts';
import { adminServer, created, setUpSeason } from './admin-setup.ts';
import { dbKinds, type TestServer } from './helpers.ts';

/** A whole event smuggled in through a name, as the red-team run did. */
const INJECTION = 'Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Free beer\r\nX-WR-CALNAME:Owned';
const PROPERTIES = new Set(
  'BEGIN END VERSION PRODID NAME X-WR-CALNAME UID SEQUENCE DTSTAMP DTSTART DTEND SUMMARY LOCATION DESCRIPTION STATUS'.split(
    ' ',
  ),
);

/** The feed's content lines, unfolded (RFC 5545 §3.1). */
const contentLines = (feed: string) =>
  feed
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
const events = (feed: string) =>
  Object.values(ical.sync.parseICS(feed)).filter((e): e is ical.VEvent => e?.type === 'VEVENT');
/** RFC 5545 TEXT as a reader sees it. */
const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));

/** What every feed must be, whatever the names: only our properties, short lines, one event per match. */
function expectWellFormed(feed: string, name: string, ids: string[]) {
  expect(feed.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  expect(/[\p{Cc}]/u.test(feed.replace(/\r\n/g, ''))).toBe(false);
  for (const line of contentLines(feed)) expect(PROPERTIES, line).toContain(line.split(/[:;]/)[0]);
  // An empty name is left out.
  const calName = contentLines(feed).find((l) => l.startsWith('X-WR-CALNAME:')) ?? 'X-WR-CALNAME:';
  expect(unescape(calName.slice('X-WR-CALNAME:'.length))).toBe(name);
  expect(
    events(feed)
      .map((e) => e.uid.split('@')[0])
      .sort(),
  ).toEqual(ids.map((id) => `match-${id}`).sort());
}

function summary(id: number, names: { home: string; away: string; competition: string; round: string; venue: string }) {
  return {
    id: String(id),
    seasonId: '1',
    competition: { id: '1', name: names.competition, type: 'league' },
    round: { id: '1', label: names.round, stage: 'league' as const, number: 1, customLabel: names.round },
    kickoffAt: new Date(Date.UTC(2026, 5, id, 15)).toISOString(),
    status: 'scheduled',
    homeClub: { id: '1', name: names.home, shortName: 'H' },
    awayClub: { id: '2', name: names.away, shortName: 'A' },
    score: { home: 0, away: 0 },
    penaltiesAllowed: false,
    venue: names.venue,
  } satisfies MatchSummary;
}

describe('the iCal writer', () => {
  it('escapes and folds every field, so no name adds a line, a property or an event', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.constantFrom(INJECTION, 'a;b,c\\d', 'line\nbreak', 'cr\rlf', 'x\u0000y', 'Ж'.repeat(60)),
    );
    const names = fc.record({ home: text, away: text, competition: text, round: text, venue: text });
    fc.assert(
      fc.property(text, fc.array(names, { minLength: 1, maxLength: 3 }), (calendar, games) => {
        const feed = matchesCalendar(
          calendar,
          games.map((n, i) => summary(i + 1, n)),
          'touchline.test',
        );
        const clean = (s: string) =>
          s
            .replace(/\r\n?/g, '\n')
            .replace(/\t/g, ' ')
            .replace(/[^\P{Cc}\n]/gu, '');
        expectWellFormed(
          feed,
          clean(calendar),
          games.map((_, i) => String(i + 1)),
        );
        // Read back by hand: node-ical takes an escaped backslash before an n for a line break.
        const blocks = contentLines(feed)
          .join('\n')
          .split('\nBEGIN:VEVENT\n')
          .slice(1)
          .map((b) => b.split('\n'));
        const field = (block: string[], key: string) =>
          unescape(block.find((l) => l.startsWith(`${key}:`))?.slice(key.length + 1) ?? '');
        for (const [i, n] of games.entries()) {
          expect(field(blocks[i]!, 'SUMMARY')).toBe(`${clean(n.home)} — ${clean(n.away)}`);
          expect(field(blocks[i]!, 'LOCATION')).toBe(clean(n.venue));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe.each(dbKinds)('iCal feeds of names stored with line breaks on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, api) => {
    s = server;
    admin = api;
  });

  it('still give one valid event per match, and the admin lists still read', async () => {
    const { competition, season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const { venue } = await created(admin.req('POST', '/api/admin/venues', { name: 'Park' }));
    const ids: string[] = [];
    for (const [home, away] of [clubs, [...clubs].reverse()]) {
      const { match } = await created(
        admin.req('POST', '/api/admin/matches', {
          seasonId: season.id,
          homeClubId: home!.id,
          awayClubId: away!.id,
          kickoffAt: new Date(Date.now() + 86_400_000 * (ids.length + 1)).toISOString(),
          venueId: venue.id,
        }),
      );
      ids.push(match.id);
    }
    // As a write before the input rule could have left them.
    const db = s.database.db;
    await db
      .update(t.clubs)
      .set({ name: `Home${INJECTION}` })
      .where(eq(t.clubs.id, Number(clubs[0]!.id)));
    await db
      .update(t.competitions)
      .set({ name: `League\n${INJECTION}` })
      .where(eq(t.competitions.id, Number(competition.id)));
    await db
      .update(t.seasons)
      .set({ name: `2026\r\nX-EVIL:1` })
      .where(eq(t.seasons.id, Number(season.id)));
    await db
      .update(t.venues)
      .set({ name: `Park\n${INJECTION}` })
      .where(eq(t.venues.id, Number(venue.id)));

    const get = (url: string) => s.app.inject({ method: 'GET', url });
    const clubFeed = await get(`/api/clubs/${clubs[0]!.id}/calendar.ics`);
    expect(clubFeed.statusCode).toBe(200);
    expectWellFormed(clubFeed.body, `Home${INJECTION}`.replace(/\r\n/g, '\n'), ids);
    const seasonFeed = await get(`/api/seasons/${season.id}/calendar.ics`);
    expectWellFormed(seasonFeed.body, `League\n${INJECTION}`.replace(/\r\n/g, '\n') + ' 2026\nX-EVIL:1', ids);
    expect(events(seasonFeed.body).map((e) => e.summary)).toContain(
      `Home${INJECTION}`.replace(/\r\n/g, '\n') + ` — ${clubs[1]!.name}`,
    );

    for (const list of ['clubs', 'competitions', 'seasons', 'venues']) {
      expect((await admin.req('GET', `/api/admin/${list}`)).status, list).toBe(200);
    }
    const renamed = await admin.req('PATCH', `/api/admin/clubs/${clubs[0]!.id}`, { name: 'Home' });
    expect(renamed.body.club?.name).toBe('Home');
  });
});
