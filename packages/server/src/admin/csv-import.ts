import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CsvImportAnswer, CsvImportBody, CsvImportQuery, CsvPlayerRow } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { clubs, persons, seasonParticipants, seasonRosters } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { joinClub } from './player-data.ts';
import { loadSeason } from './season-data.ts';
import { adminWrite } from './write.ts';

const MAX_ROWS = 2000;
/** Header names, case-insensitive; `clubId` is another name for `club`. */
const COLUMNS: Record<string, keyof CsvPlayerRow> = {
  firstname: 'firstName',
  lastname: 'lastName',
  birthdate: 'birthDate',
  position: 'position',
  club: 'club',
  clubid: 'club',
  shirtnumber: 'shirtNumber',
};
type CsvPlayerRow = z.infer<typeof CsvPlayerRow>;
type RowErrors = { row: number; errors: string[] }[];
type ValidRow = CsvPlayerRow & { row: number; clubId: number };

const invalid = (rows: RowErrors) =>
  new ApiError('csv_invalid', `The file has errors in ${rows.length} row(s); nothing was imported`, { rows });

/** The file's records as objects keyed by our field names, each with its line number (the header is line 1). */
function readRecords(text: string) {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true } as const;
    records = parse(text, options) as unknown as typeof records;
  } catch (err) {
    throw invalid([{ row: Number((err as { lines?: number }).lines ?? 1), errors: [(err as Error).message] }]);
  }
  const [header, ...body] = records;
  const fields = (header?.record ?? []).map((h) => COLUMNS[h.toLowerCase()]);
  const problems = [
    ...(header?.record ?? []).filter((_, i) => !fields[i]).map((h) => `unknown column "${h}"`),
    ...(['firstName', 'lastName', 'club'] as const)
      .filter((f) => !fields.includes(f))
      .map((f) => `missing column ${f === 'club' ? 'club (or clubId)' : f}`),
  ];
  if (problems.length) throw invalid([{ row: 1, errors: problems }]);
  if (body.length === 0) throw invalid([{ row: 1, errors: ['no players in the file'] }]);
  if (body.length > MAX_ROWS) throw invalid([{ row: 1, errors: [`at most ${MAX_ROWS} players per file`] }]);
  return body.map(({ record, info }) => ({
    row: info.lines,
    // A longer row than the header is most likely an unquoted comma.
    extra: record.length > fields.length,
    // Empty cells are missing values.
    value: Object.fromEntries(fields.flatMap((f, i) => (record[i] ? [[f!, record[i]]] : []))),
  }));
}

/** A club by id, or by a short name only one club has. */
async function clubResolver(db: Executor) {
  const all = await db.select({ id: clubs.id, shortName: clubs.shortName }).from(clubs);
  return (ref: string): number | string => {
    const byId = /^\d+$/.test(ref) ? all.find((c) => c.id === Number(ref)) : undefined;
    if (byId) return byId.id;
    const named = all.filter((c) => c.shortName.toLowerCase() === ref.toLowerCase());
    if (named.length === 1) return named[0]!.id;
    return named.length ? `club "${ref}" is the short name of several clubs: use its id` : `unknown club "${ref}"`;
  };
}

/** What a roster needs: participating clubs, and the numbers already taken per club. */
async function rosterContext(db: Executor, seasonId: number) {
  const enrolled = await db
    .select({ clubId: seasonParticipants.clubId })
    .from(seasonParticipants)
    .where(eq(seasonParticipants.seasonId, seasonId));
  const taken = await db
    .select({ clubId: seasonRosters.clubId, shirt: seasonRosters.shirtNumber })
    .from(seasonRosters)
    .where(eq(seasonRosters.seasonId, seasonId));
  return { clubs: new Set(enrolled.map((p) => p.clubId)), taken: new Set(taken.map((t) => `${t.clubId}:${t.shirt}`)) };
}

/** Every row checked, every problem reported; only a file without any is imported. */
async function validate(db: Executor, text: string, seasonId: number | undefined): Promise<ValidRow[]> {
  const records = readRecords(text);
  const resolveClub = await clubResolver(db);
  const roster = seasonId === undefined ? undefined : await rosterContext(db, seasonId);
  const shirtsInFile = new Map<string, number>();
  const errors: RowErrors = [];
  const valid: ValidRow[] = [];
  for (const { row, extra, value } of records) {
    const problems = extra ? ['more fields than the header has columns'] : [];
    const parsed = CsvPlayerRow.safeParse(value);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`));
    const club = typeof value.club === 'string' ? resolveClub(value.club) : undefined;
    if (typeof club === 'string') problems.push(club);
    if (roster && typeof club === 'number' && parsed.success) {
      const shirt = parsed.data.shirtNumber;
      const key = `${club}:${shirt}`;
      if (!roster.clubs.has(club)) problems.push(`club ${value.club} does not take part in this season`);
      if (shirt === undefined) problems.push('shirtNumber: needed to enter the season roster');
      else if (roster.taken.has(key)) problems.push(`shirtNumber: ${shirt} is taken in the club's season roster`);
      else if (shirtsInFile.has(key))
        problems.push(`shirtNumber: ${shirt} is also given on row ${shirtsInFile.get(key)}`);
      else shirtsInFile.set(key, row);
    }
    if (problems.length) errors.push({ row, errors: problems });
    else valid.push({ ...parsed.data!, row, clubId: club as number });
  }
  if (errors.length) throw invalid(errors);
  return valid;
}

/** CSV import of players, all or nothing; with `seasonId` the players also enter that season's rosters. */
export const csvImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post(
    '/players/import',
    {
      bodyLimit: 1024 * 1024,
      schema: {
        querystring: CsvImportQuery,
        body: CsvImportBody,
        consumes: ['text/csv'],
        tags: ['admin'],
        response: { 201: CsvImportAnswer },
      },
    },
    async (req, reply) => {
      const seasonId = req.query.seasonId ? (await loadSeason(app.db, req.query.seasonId)).id : undefined;
      const out = await adminWrite(req, async (w) => {
        // Checked inside the transaction, with the season locked, so the roster cannot change under the import.
        if (seasonId !== undefined) await loadSeason(w.tx, seasonId, true);
        const rows = await validate(w.tx, req.body, seasonId);
        const imported = [];
        for (const { row, clubId, shirtNumber, club: _club, ...person } of rows) {
          const [p] = await w.tx.insert(persons).values(person).returning({ id: persons.id });
          await joinClub(w, p!.id, { clubId, shirtNumber, at: new Date() });
          if (seasonId !== undefined) {
            await w.tx.insert(seasonRosters).values({ seasonId, clubId, personId: p!.id, shirtNumber: shirtNumber! });
          }
          imported.push({ row, id: String(p!.id) });
        }
        await w.audit({ action: 'import', entity: 'player', after: { seasonId, players: imported } });
        return imported;
      });
      return reply.code(201).send({ imported: out.length, players: out });
    },
  );
};
