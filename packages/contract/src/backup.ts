import { z } from 'zod';
import { IsoDate } from './common.ts';

/**
 * A backup file (`npm run backup`, decision 032): NDJSON. Its first line is the header below; then, for each
 * table in the header's order, a `BackupTableLine` followed by exactly that many rows (each one JSON object, the
 * row as PostgreSQL's `row_to_json` writes it); last a `BackupEndLine`, without which the file is truncated.
 */
export const BACKUP_FORMAT = 'touchline-backup';
export const BACKUP_VERSION = 1;

const name = z.string().min(1).max(63);

export const BackupHeader = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    takenAt: IsoDate,
    /** Where it was taken; a backup restores into either storage. */
    storage: z.enum(['pglite', 'postgres']),
    /** The schema's migration level: how many migrations were applied, and the last one's tag. */
    schema: z.object({ level: z.number().int().min(1), migration: name }).strict(),
    /** Every table of the schema, parents before the tables that refer to them. */
    tables: z.array(z.object({ name, columns: z.array(name).min(1) }).strict()).min(1),
    /** Identity sequences; `lastValue` null for one never used. */
    sequences: z.array(z.object({ table: name, column: name, lastValue: z.number().int().nullable() }).strict()),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeader>;

export const BackupTableLine = z.object({ table: name, rows: z.number().int().min(0) }).strict();
export const BackupEndLine = z.object({ end: z.literal(true), rows: z.number().int().min(0) }).strict();
