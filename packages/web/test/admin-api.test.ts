import { describe, expect, it } from 'vitest';
import { createAdminApi } from '../src/lib/admin-api.ts';
import { ApiError, createCaller } from '../src/lib/api.ts';
import { rosterRows } from '../src/features/admin/roster.ts';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

function fakeServer(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const s = { method: init.method!, url, headers: init.headers as Record<string, string>, body: init.body as string };
    sent.push(s);
    return answer(s);
  }) as typeof fetch;
  const api = createAdminApi(createCaller({ getToken: () => 'tok', fetchImpl }));
  return { api, sent };
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('admin API client', () => {
  it('calls /api/admin with the token, JSON bodies and encoded ids', async () => {
    const { api, sent } = fakeServer(() => json(200, { participant: {} }));
    await api.putParticipant('4', '12', { seed: 1 });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: '/api/admin/seasons/4/participants/12',
      body: '{"seed":1}',
    });
    expect(sent[0]!.headers.authorization).toBe('Bearer tok');
    await api.players({ clubId: '3', q: 'Ив', limit: '50' });
    expect(sent[1]!.url).toBe('/api/admin/players?clubId=3&q=%D0%98%D0%B2&limit=50');
    await api.setSeasonActive('4', false);
    expect(sent[2]).toMatchObject({ method: 'POST', url: '/api/admin/seasons/4/deactivate', body: '{}' });
  });

  it('reads, sets and removes the league’s Telegram channel', async () => {
    const { api, sent } = fakeServer(() => json(200, { channel: null }));
    await api.telegramChannel();
    await api.putTelegramChannel({ chatId: '@league', kinds: ['goal'] });
    await api.deleteTelegramChannel();
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/admin/telegram/channel',
      'PUT /api/admin/telegram/channel',
      'DELETE /api/admin/telegram/channel',
    ]);
    expect(sent[1]!.body).toBe('{"chatId":"@league","kinds":["goal"]}');
  });

  it('sends a CSV file as text/csv, untouched', async () => {
    const { api, sent } = fakeServer(() => json(201, { imported: 1, players: [{ row: 2, id: '9' }] }));
    const csv = 'firstName,lastName,club\nИван,Петров,ОЛИ\n';
    expect(await api.importPlayers(csv, '4')).toEqual({ imported: 1, players: [{ row: 2, id: '9' }] });
    expect(sent[0]).toMatchObject({ url: '/api/admin/players/import?seasonId=4', body: csv });
    expect(sent[0]!.headers['content-type']).toBe('text/csv');
  });

  it('answers a 204 with nothing, and a refusal with its code, message and details', async () => {
    const { api } = fakeServer((s) =>
      s.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json(400, { error: { code: 'csv_invalid', message: 'nothing imported', details: { rows: [] } } }),
    );
    await expect(api.removeRosterEntry('4', '9')).resolves.toBeUndefined();
    const error = await api.importPlayers('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'csv_invalid',
      message: 'nothing imported',
      details: { rows: [] },
    });
  });
});

describe('season export download', () => {
  it('fetches the file with the token in the header, never in the URL, and hands it over as a blob', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
    const { api, sent } = fakeServer(() => new Response(zip, { headers: { 'content-type': 'application/zip' } }));
    const file = await api.exportSeason('4', 'zip');
    expect(sent[0]).toMatchObject({ method: 'GET', url: '/api/admin/seasons/4/export.zip' });
    expect(sent[0]!.headers.authorization).toBe('Bearer tok');
    expect(file).toBeInstanceOf(Blob);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(zip);
  });

  it('turns a refusal into an ApiError, not a file', async () => {
    const { api } = fakeServer(() => json(404, { error: { code: 'not_found', message: 'No such season' } }));
    await expect(api.exportSeason('9', 'json')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('season roster rows', () => {
  const player = (id: string, shirtNumber: number | null, lastName = `L${id}`) => ({
    id,
    firstName: 'F',
    lastName,
    birthDate: null,
    position: null,
    club: { id: '1', name: 'Олимп', shortName: 'ОЛИ' },
    shirtNumber,
  });
  const entry = (id: string, shirtNumber: number) => ({
    player: { id, firstName: 'F', lastName: `L${id}`, position: null },
    clubId: '1',
    shirtNumber,
  });

  it('lists the roster by number, then the rest of the squad, and flags who has left', () => {
    const rows = rosterRows(
      [player('1', 9), player('2', 4), player('3', null, 'A'), player('4', 7)],
      [entry('4', 10), entry('1', 2), entry('8', 5)],
    );
    expect(rows.map((r) => [r.playerId, r.inRoster, r.number, r.otherClub])).toEqual([
      ['1', true, 2, false],
      ['8', true, 5, true],
      ['4', true, 10, false],
      ['2', false, 4, false],
      ['3', false, undefined, false],
    ]);
  });
});
