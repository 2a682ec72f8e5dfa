import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MatchSnapshot, SeasonExport } from '@touchline/contract';
import { type Api, matches, signInAdmin, snapshot } from './api.ts';
import { created } from './admin-setup.ts';
import { type DbKind, dbKinds, startTestServer, type TestServer } from './helpers.ts';

const other = (kind: DbKind): DbKind => (kind === 'pglite' ? 'postgres' : 'pglite');

/** Cells a spreadsheet would run as formulas, entered as names. */
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,1)', '@cmd', '-2+3'];

/** A server's whole view of a season through the public API, with event authors named by login, not by id. */
async function seasonView(s: TestServer, admin: Api, seasonId: string) {
  const get = async (url: string) => (await s.app.inject({ method: 'GET', url })).json();
  const { users } = (await admin.req('GET', '/api/admin/users')).body as { users: { id: string; login: string }[] };
  const login = new Map(users.map((u) => [u.id, u.login]));
  const list = await matches(s.app, `?seasonId=${seasonId}`);
  const snapshots: MatchSnapshot[] = [];
  for (const m of list) {
    const snap = await snapshot(s.app, m.id);
    snapshots.push({ ...snap, events: snap.events.map((e) => ({ ...e, createdBy: login.get(e.createdBy)! })) });
  }
  return {
    standings: await get(`/api/seasons/${seasonId}/standings`),
    players: await get(`/api/seasons/${seasonId}/players`),
    bracket: await get(`/api/seasons/${seasonId}/bracket`),
    matches: list,
    snapshots,
  };
}

describe.each(dbKinds)('season export from %s', (kind) => {
  let source: TestServer;
  let admin: Api;
  let seasonId: string;
  let document: SeasonExport;
  const empty: TestServer[] = [];
  /** A fresh installation without league data, on the other storage, and its admin. */
  const emptyInstallation = async () => {
    const s = await startTestServer(other(kind));
    empty.push(s);
    return { s, admin: await signInAdmin(s.app) };
  };

  beforeAll(async () => {
    source = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(source.app);
    const competitions = (await source.app.inject({ method: 'GET', url: '/api/competitions' })).json();
    const league = competitions.competitions.find((c: { type: string }) => c.type === 'league');
    seasonId = league.seasons.find((x: { active: boolean }) => x.active).id;
    // A club and players whose names a spreadsheet would take for formulas.
    const { club } = await created(admin.req('POST', '/api/admin/clubs', { name: FORMULAS[0], shortName: '=X' }));
    expect((await admin.req('PUT', `/api/admin/seasons/${seasonId}/participants/${club.id}`, {})).status).toBe(200);
    for (const [i, name] of FORMULAS.slice(1).entries()) {
      const { player } = await created(
        admin.req('POST', '/api/admin/players', { firstName: name, lastName: name, clubId: club.id }),
      );
      const roster = { clubId: club.id, shirtNumber: i + 1 };
      expect((await admin.req('PUT', `/api/admin/seasons/${seasonId}/roster/${player.id}`, roster)).status).toBe(201);
    }
    // A live write with a client id, so events carry one.
    const live = (await matches(source.app, `?seasonId=${seasonId}&status=live`))[0]!;
    const goal = { type: 'goal', side: 'home', minute: 33, clientEventId: randomUUID() };
    expect((await admin.req('POST', `/api/matches/${live.id}/events`, goal)).status).toBe(201);
    // A comment of the live ticker, its text starting like a formula: it moves with its words and stays text in CSV.
    const comment = { type: 'comment', side: 'away', minute: 34, text: `${FORMULAS[0]} what a goal` };
    expect((await admin.req('POST', `/api/matches/${live.id}/events`, comment)).status).toBe(201);
    const res = await source.app.inject({
      method: 'GET',
      url: `/api/admin/seasons/${seasonId}/export.json`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="touchline-season-${seasonId}.json"`);
    document = SeasonExport.parse(res.json());
  });
  afterAll(async () => {
    await source?.close();
    for (const s of empty) await s.close();
  });

  it('holds the whole season: clubs, players, rosters, fixtures, results, events and standings', async () => {
    const view = await seasonView(source, admin, seasonId);
    expect(document.season.id).toBe(seasonId);
    expect(document.matches.map((m) => m.id).sort()).toEqual(view.matches.map((m) => m.id).sort());
    expect(document.matches.flatMap((m) => m.events).length).toBe(view.snapshots.flatMap((s) => s.events).length);
    expect(document.clubs.map((c) => c.name)).toContain(FORMULAS[0]);
    expect(document.rosters.length).toBeGreaterThan(8 * 11);
    expect(document.standings).toEqual(view.standings);
    expect(document.authors.map((a) => a.login)).toContain('chief');
  });

  it(`imports into an empty installation on ${other(kind)} with the same standings and match snapshots`, async () => {
    const { s, admin: theirs } = await emptyInstallation();
    const res = await theirs.req('POST', '/api/admin/import', document);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.season.id).toBe(seasonId);
    expect(res.body.imported.matches).toBe(document.matches.length);
    expect(await seasonView(s, theirs, seasonId)).toEqual(await seasonView(source, admin, seasonId));
    // Audited, by the admin who imported.
    const { entries } = (await theirs.req('GET', '/api/admin/audit')).body;
    expect(entries[0]).toMatchObject({ action: 'import', entity: 'season', entityId: seasonId });
    expect(entries[0].actor.login).toBe('chief');
    // New rows take ids after the imported ones.
    const { club } = await created(
      theirs.req('POST', '/api/admin/clubs', { name: 'After the move', shortName: 'AFT' }),
    );
    expect(Number(club.id)).toBeGreaterThan(Math.max(...document.clubs.map((c) => Number(c.id))));
    // The export of the import is the export.
    const again = (await theirs.req('GET', `/api/admin/seasons/${seasonId}/export.json`)).body;
    expect({ ...again, exportedAt: '' }).toEqual({ ...document, exportedAt: '' });
  });

  it('moves a cup season too, with its bracket, ties and their winners', async () => {
    const competitions = (await source.app.inject({ method: 'GET', url: '/api/competitions' })).json();
    const cup = competitions.competitions.find((c: { type: string }) => c.type === 'cup');
    const cupSeason = cup.seasons[0].id as string;
    const exported = await admin.req('GET', `/api/admin/seasons/${cupSeason}/export.json`);
    expect(exported.status).toBe(200);
    expect(exported.body.ties.length).toBeGreaterThan(0);
    const { s, admin: theirs } = await emptyInstallation();
    expect((await theirs.req('POST', '/api/admin/import', exported.body)).status).toBe(201);
    expect(await seasonView(s, theirs, cupSeason)).toEqual(await seasonView(source, admin, cupSeason));
  });

  it('refuses an installation that holds league data: 409 installation_not_empty, nothing changes', async () => {
    const before = (await admin.req('GET', '/api/admin/competitions')).body;
    const res = await admin.req('POST', '/api/admin/import', document);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('installation_not_empty');
    expect((await admin.req('GET', '/api/admin/competitions')).body).toEqual(before);
  });

  it('answers bad input with 400 and a code, and changes nothing', async () => {
    const { admin: theirs } = await emptyInstallation();
    const copy = () => structuredClone(document) as SeasonExport;
    const unknownClub = copy();
    unknownClub.matches[0]!.homeClubId = '2000000000';
    const unknownAuthor = copy();
    unknownAuthor.matches.find((m) => m.events.length)!.events[0]!.createdBy = 'nobody';
    const silentComment = copy();
    const silent = silentComment.matches.flatMap((m) => m.events).find((e) => e.type === 'comment')!;
    silent.text = null;
    const wordedGoal = copy();
    wordedGoal.matches.flatMap((m) => m.events).find((e) => e.type === 'goal')!.text = 'A goal with words';
    const lineBreak = copy();
    lineBreak.clubs[0]!.name = 'Two\nlines';
    const sameShirt = copy();
    sameShirt.rosters[1] = {
      ...sameShirt.rosters[1]!,
      clubId: sameShirt.rosters[0]!.clubId,
      shirtNumber: sameShirt.rosters[0]!.shirtNumber,
    };
    const unknownNextTie = copy();
    unknownNextTie.ties.push({ ...emptyTie(), id: '1999999999', nextTieId: '1999999998' });
    const cases: [string, unknown, number, string][] = [
      ['not a season export', { format: 'something-else' }, 400, 'bad_request'],
      ['a newer version', { ...copy(), version: 2 }, 400, 'bad_request'],
      ['a match with a club the document does not hold', unknownClub, 400, 'import_invalid'],
      ['an event by an author it does not list', unknownAuthor, 400, 'import_invalid'],
      ['a comment without text', silentComment, 400, 'import_invalid'],
      ['a goal with text', wordedGoal, 400, 'import_invalid'],
      ['a club name with a line break', lineBreak, 400, 'control_characters'],
      ['two players with one shirt in a roster', sameShirt, 400, 'import_invalid'],
      ['a tie leading to no tie', unknownNextTie, 400, 'import_invalid'],
      ['an array', [], 400, 'bad_request'],
    ];
    for (const [what, body, status, code] of cases) {
      const res = await theirs.req('POST', '/api/admin/import', body);
      expect({ what, status: res.status, code: res.body?.error?.code }).toEqual({ what, status, code });
    }
    for (const list of ['competitions', 'clubs', 'venues', 'referees']) {
      expect((await theirs.req('GET', `/api/admin/${list}`)).body[list]).toEqual([]);
    }
    expect((await theirs.req('GET', '/api/admin/players')).body.total).toBe(0);
    expect((await theirs.req('POST', '/api/admin/import', document)).status).toBe(201);
  });

  it('exports CSV files in a ZIP, with their headers, cells safe from spreadsheet formulas', async () => {
    const res = await source.app.inject({
      method: 'GET',
      url: `/api/admin/seasons/${seasonId}/export.zip`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="touchline-season-${seasonId}.zip"`);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const csv = (name: string) => parse(Buffer.from(files[name]!).toString('utf8'), { bom: true }) as string[][];
    expect(Object.keys(files).sort()).toEqual([
      'clubs.csv',
      'events.csv',
      'fixtures.csv',
      'players.csv',
      'results.csv',
      'rosters.csv',
      'standings.csv',
    ]);
    expect(csv('clubs.csv')[0]).toEqual([
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
    ]);
    expect(csv('players.csv')[0]).toEqual(['id', 'firstName', 'lastName', 'birthDate', 'position']);
    expect(csv('rosters.csv')[0]).toEqual(['clubId', 'club', 'playerId', 'firstName', 'lastName', 'shirtNumber']);
    expect(csv('fixtures.csv')[0]).toEqual([
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
    ]);
    expect(csv('results.csv')[0]).toEqual([
      'matchId',
      'kickoffAt',
      'homeClub',
      'awayClub',
      'homeGoals',
      'awayGoals',
      'homeShootout',
      'awayShootout',
      'finishedAt',
    ]);
    expect(csv('events.csv')[0]).toEqual([
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
    ]);
    expect(csv('standings.csv')[0]).toEqual([
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
    ]);

    expect(csv('fixtures.csv').length - 1).toBe(document.matches.length);
    const finished = document.matches.filter((m) => m.status === 'finished');
    expect(csv('results.csv').length - 1).toBe(finished.length);
    expect(csv('events.csv').length - 1).toBe(document.matches.flatMap((m) => m.events).length);
    // Every cell a spreadsheet would evaluate starts with a quote; numbers stay numbers, negative ones too.
    const cells = Object.keys(files).flatMap((name) => csv(name).flat());
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    expect(cells.filter((c) => /^[=+@\t\r-]/.test(c) && !/^-\d+$/.test(c))).toEqual([]);
    const table = csv('standings.csv');
    expect(table.slice(1).some((row) => /^-\d+$/.test(row[10]!))).toBe(true);
  });
});

function emptyTie() {
  return {
    id: '1',
    roundId: null,
    kind: 'single' as const,
    bestOf: null,
    homeClubId: null,
    awayClubId: null,
    winnerClubId: null,
    nextTieId: null,
    nextSlot: null,
    bracketPosition: null,
  };
}
