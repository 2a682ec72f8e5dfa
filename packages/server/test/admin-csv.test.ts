import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { type Api, signInAdmin } from './api.ts';
import { created, setUpSeason } from './admin-setup.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

describe.each(dbKinds)('CSV import of players on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let league: Awaited<ReturnType<typeof setUpSeason>>;
  beforeAll(async () => {
    s = await startTestServer(kind);
    admin = await signInAdmin(s.app);
    league = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
  });
  afterAll(() => s.close());

  const upload = async (csv: string, query = '') => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/players/import${query}`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    return { status: res.statusCode, body: res.json() };
  };
  const counts = async () => {
    const db = s.database.db;
    const [[p], [m], [r], [tr]] = await Promise.all([
      db.select({ n: count() }).from(t.persons),
      db.select({ n: count() }).from(t.squadMembers),
      db.select({ n: count() }).from(t.seasonRosters),
      db.select({ n: count() }).from(t.transfers),
    ]);
    return [p!.n, m!.n, r!.n, tr!.n];
  };

  it('imports nothing from a file with one bad row, and reports that row', async () => {
    const [fca, fcb] = league.clubs;
    const before = await counts();
    const res = await upload(
      [
        'firstName,lastName,birthDate,position,club,shirtNumber',
        `Ivan,Petrov,2001-04-05,GK,${fca!.shortName},1`,
        `Oleg,Sidorov,,DF,${fcb!.id},4`,
        `Anna,,2001-02-30,MF,${fca!.shortName},5`,
        `Pavel,Orlov,,FW,${fcb!.shortName},9`,
      ].join('\n'),
      `?seasonId=${league.season.id}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('csv_invalid');
    expect(res.body.error.details.rows).toEqual([
      { row: 4, errors: [expect.stringMatching(/^lastName/), expect.stringMatching(/^birthDate/)] },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports every bad row with all its problems', async () => {
    const other = await created(
      admin.req('POST', '/api/admin/clubs', { name: 'Not in the season', shortName: 'NOPE' }),
    );
    await created(admin.req('POST', '/api/admin/clubs', { name: 'Twin One', shortName: 'TWIN' }));
    await created(admin.req('POST', '/api/admin/clubs', { name: 'Twin Two', shortName: 'twin' }));
    const [fca] = league.clubs;
    const before = await counts();
    const res = await upload(
      [
        'FirstName,LastName,ClubId,ShirtNumber',
        `Ivan,Petrov,${fca!.id},10`,
        `Oleg,Sidorov,${fca!.id},10`,
        'Anna,Ivanova,TWIN,3',
        `Pavel,Orlov,${other.club.id},5`,
        'Yuri,Gagarin,UNKNOWN,7',
        `Lev,Yashin,${fca!.id},100`,
        `Igor,Akinfeev,${fca!.id}`,
        `Extra,Field,${fca!.id},12,oops`,
      ].join('\r\n'),
      `?seasonId=${league.season.id}`,
    );
    expect(res.status).toBe(400);
    const rows = res.body.error.details.rows as { row: number; errors: string[] }[];
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(rows[0]!.errors).toEqual(['shirtNumber: 10 is also given on row 2']);
    expect(rows[1]!.errors[0]).toMatch(/several clubs/);
    expect(rows[2]!.errors).toEqual([`club ${other.club.id} does not take part in this season`]);
    expect(rows[3]!.errors).toEqual(['unknown club "UNKNOWN"']);
    expect(rows[4]!.errors[0]).toMatch(/^shirtNumber/);
    expect(rows[5]!.errors).toEqual(['shirtNumber: needed to enter the season roster']);
    expect(rows[6]!.errors).toEqual(['more fields than the header has columns']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a player list', async () => {
    const before = await counts();
    for (const [csv, message] of [
      ['name,team\nIvan,FCA', /unknown column "name"/],
      ['firstName,lastName,club\n', /no players/],
      ['firstName,lastName,club\n"Ivan,Petrov,FCA\n', /quote/i],
    ] as const) {
      const res = await upload(csv);
      expect(res.status, csv).toBe(400);
      expect(res.body.error.code).toBe('csv_invalid');
      const errors = res.body.error.details.rows.flatMap((r: { errors: string[] }) => r.errors);
      expect(errors.join('\n')).toMatch(message);
    }
    expect((await upload('')).status).toBe(400);
    expect((await upload('firstName,lastName,club\nA,B,FCA', '?seasonId=abc')).status).toBe(400);
    expect((await upload('firstName,lastName,club\nA,B,FCA', '?seasonId=99999')).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('imports a good file into squads (and transfer history) and, with seasonId, the season roster', async () => {
    const [fca, fcb] = league.clubs;
    const res = await upload(
      [
        'firstName,lastName,position,club,shirtNumber',
        `Ivan,Petrov,GK,${fca!.shortName},1`,
        `Oleg,Sidorov,,${fcb!.id},4`,
      ].join('\n'),
      `?seasonId=${league.season.id}`,
    );
    expect(res.status).toBe(201);
    expect(res.body.players.map((p: { row: number }) => p.row)).toEqual([2, 3]);
    const [ivan, oleg] = res.body.players as { id: string }[];
    const player = (await admin.req('GET', `/api/admin/players/${ivan!.id}`)).body.player;
    expect(player).toMatchObject({ firstName: 'Ivan', position: 'GK', club: { id: fca!.id }, shirtNumber: 1 });
    const history = (await admin.req('GET', `/api/admin/players/${oleg!.id}/transfers`)).body;
    expect(history.transfers).toEqual([
      expect.objectContaining({ from: null, to: expect.objectContaining({ id: fcb!.id }) }),
    ]);
    const roster = (await admin.req('GET', `/api/admin/seasons/${league.season.id}/roster`)).body.entries;
    expect(roster).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clubId: fca!.id, shirtNumber: 1, player: expect.objectContaining({ id: ivan!.id }) }),
      ]),
    );
    // The same numbers again clash with the roster now.
    const again = await upload(
      `firstName,lastName,club,shirtNumber\nNew,Keeper,${fca!.shortName},1`,
      `?seasonId=${league.season.id}`,
    );
    expect(again.body.error.details.rows[0].errors).toEqual(["shirtNumber: 1 is taken in the club's season roster"]);
  });
});
