import { asc } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as t from '../src/db/schema.ts';
import type { Api } from './api.ts';
import { adminServer, created } from './admin-setup.ts';
import { dbKinds, type TestServer } from './helpers.ts';

/** Control characters and line breaks, inside otherwise ordinary text. */
const CONTROLS = ['\u0000', '\t', '\n', '\r\n', '\u001b', '\u0085', '\u2028'];

describe.each(dbKinds)('stored text refuses control characters and line breaks on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, api) => {
    s = server;
    admin = api;
  });

  /** Every row of every table an admin write stores text in, in id order. */
  const dump = async () => {
    const tables: [PgTable, PgColumn][] = [
      [t.competitions, t.competitions.id],
      [t.seasons, t.seasons.id],
      [t.groups, t.groups.id],
      [t.clubs, t.clubs.id],
      [t.venues, t.venues.id],
      [t.referees, t.referees.id],
      [t.persons, t.persons.id],
      [t.users, t.users.id],
      [t.matches, t.matches.id],
      [t.auditLog, t.auditLog.id],
    ];
    return Promise.all(tables.map(([table, id]) => s.database.db.select().from(table).orderBy(asc(id))));
  };

  async function league() {
    const { competition } = await created(admin.req('POST', '/api/admin/competitions', { name: 'Cup', type: 'cup' }));
    const { season } = await created(
      admin.req('POST', '/api/admin/seasons', { competitionId: competition.id, name: '2026', format: 'knockout' }),
    );
    const clubs = [];
    for (const n of ['A', 'B']) {
      clubs.push((await created(admin.req('POST', '/api/admin/clubs', { name: `Club ${n}`, shortName: n }))).club);
      await admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${clubs.at(-1).id}`, {});
    }
    const { venue } = await created(admin.req('POST', '/api/admin/venues', { name: 'Park' }));
    const { referee } = await created(admin.req('POST', '/api/admin/referees', { name: 'Ref' }));
    const { player } = await created(
      admin.req('POST', '/api/admin/players', { firstName: 'Ivan', lastName: 'Petrov' }),
    );
    const { match } = await created(
      admin.req('POST', '/api/admin/matches', {
        seasonId: season.id,
        homeClubId: clubs[0].id,
        awayClubId: clubs[1].id,
        kickoffAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    return { competition, season, club: clubs[0], venue, referee, player, match };
  }

  it('answers 400 control_characters for every text field of every admin body, and stores nothing', async () => {
    const l = await league();
    const cases: (readonly ['POST' | 'PATCH', string, object, string])[] = [
      ['POST', '/api/admin/competitions', { name: 'X', type: 'league' }, 'name'],
      ['POST', '/api/admin/competitions', { name: 'X', type: 'league', timezone: 'Europe/Moscow' }, 'timezone'],
      ['PATCH', `/api/admin/competitions/${l.competition.id}`, { name: 'X' }, 'name'],
      ['POST', '/api/admin/seasons', { competitionId: l.competition.id, name: 'X', format: 'knockout' }, 'name'],
      ['PATCH', `/api/admin/seasons/${l.season.id}`, { name: 'X' }, 'name'],
      ['POST', `/api/admin/seasons/${l.season.id}/groups`, { label: 'X' }, 'label'],
      ...(['name', 'shortName', 'homeGround', 'logoUrl'] as const).flatMap((field) => [
        ['POST', '/api/admin/clubs', { name: 'X', shortName: 'X', logoUrl: 'https://x.org/a.png' }, field] as const,
        ['PATCH', `/api/admin/clubs/${l.club.id}`, { logoUrl: 'https://x.org/a.png' }, field] as const,
      ]),
      ['POST', '/api/admin/venues', { name: 'X' }, 'name'],
      ['POST', '/api/admin/venues', { name: 'X' }, 'address'],
      ['PATCH', `/api/admin/venues/${l.venue.id}`, { name: 'X' }, 'address'],
      ['POST', '/api/admin/referees', { name: 'X' }, 'name'],
      ['PATCH', `/api/admin/referees/${l.referee.id}`, { name: 'X' }, 'name'],
      ...(['firstName', 'lastName', 'position'] as const).flatMap((field) => [
        ['POST', '/api/admin/players', { firstName: 'X', lastName: 'Y' }, field] as const,
        ['PATCH', `/api/admin/players/${l.player.id}`, { firstName: 'X' }, field] as const,
      ]),
      ['PATCH', `/api/admin/matches/${l.match.id}`, { venueId: l.venue.id }, 'reason'],
      ['POST', `/api/admin/matches/${l.match.id}/status`, { status: 'postponed' }, 'reason'],
      ['POST', '/api/admin/users', { login: 'judge-x', password: 'long-enough-pw', role: 'judge' }, 'displayName'],
    ];
    const before = await dump();
    for (const [method, url, body, field] of cases) {
      for (const c of CONTROLS) {
        const value =
          field === 'logoUrl' ? `https://x.org/a${c}b.png` : field === 'timezone' ? `Europe/Moscow${c}` : `A${c}B`;
        const res = await admin.req(method, url, { ...body, [field]: value });
        expect({ url, field, c, status: res.status, code: res.body.error?.code }).toEqual({
          url,
          field,
          c,
          status: 400,
          code: 'control_characters',
        });
      }
    }
    expect(await dump()).toEqual(before);
  });

  it('refuses a control character in a player search with 400, not a database error', async () => {
    for (const c of CONTROLS) {
      const res = await admin.req('GET', `/api/admin/players?q=${encodeURIComponent(`Iv${c}an`)}`);
      expect({ c, status: res.status, code: res.body.error?.code }).toEqual({
        c,
        status: 400,
        code: 'control_characters',
      });
    }
  });

  it('refuses a CSV cell with a control character or a line break row by row, importing nothing', async () => {
    const { club } = await created(admin.req('POST', '/api/admin/clubs', { name: 'CSV Club', shortName: 'CSV' }));
    const before = await dump();
    for (const c of CONTROLS) {
      for (const column of ['firstName', 'lastName', 'position', 'club']) {
        const cells = { firstName: 'Ivan', lastName: 'Petrov', position: 'GK', club: club.id, [column]: `A${c}B` };
        const quoted = Object.values(cells).map((v) => `"${v}"`);
        const csv = `firstName,lastName,position,club\nOleg,Sidorov,DF,${club.id}\n${quoted.join(',')}\n`;
        const res = await s.app.inject({
          method: 'POST',
          url: '/api/admin/players/import',
          headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
          payload: csv,
        });
        const rows = res.json().error?.details?.rows as { row: number; errors: string[] }[] | undefined;
        expect({ column, c, status: res.statusCode, code: res.json().error?.code, rows: rows?.length }).toEqual({
          column,
          c,
          status: 400,
          code: 'csv_invalid',
          rows: 1,
        });
        expect(rows![0]!.errors.join(' ')).toContain(column);
      }
    }
    expect(await dump()).toEqual(before);
  });
});
