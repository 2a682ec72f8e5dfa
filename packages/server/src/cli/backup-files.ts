import { createReadStream, createWriteStream, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** A path as the user typed it: `npm run` starts scripts in the project folder, INIT_CWD is where they were. */
export const userPath = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

/** The file's lines, gunzipped when it starts like a gzip file. */
export function backupLines(file: string): AsyncIterable<string> {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(2);
  readSync(fd, magic, 0, 2, 0);
  closeSync(fd);
  const raw = createReadStream(file);
  const input: Readable = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/**
 * Writes a backup file, gzipped when its name ends in .gz, readable by its owner only (it holds password hashes).
 * It appears under its name only once complete, so a failed run never leaves a truncated backup there.
 */
export async function writeBackupFile(file: string, write: (out: Writable) => Promise<void>) {
  const partial = `${file}.partial`;
  const target = createWriteStream(partial, { mode: 0o600 });
  try {
    if (file.endsWith('.gz')) {
      const gzip = createGzip();
      const done = pipeline(gzip, target);
      await write(gzip);
      gzip.end();
      await done;
    } else {
      await write(target);
      target.end();
      await finished(target);
    }
    renameSync(partial, file);
  } catch (err) {
    target.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
}

/** Copies a stream into `out` without ending it. */
export const copyInto = (from: Readable, out: Writable) => pipeline(from, out, { end: false });

/** Runs a command's body: a refusal prints its code and exits 1, a usage error exits 2. */
export async function runCommand(name: string, usage: string, body: (args: string[]) => Promise<string>) {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  try {
    console.log(await body(args));
    process.exit(0);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    console.error(`${name}: ${(err as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`);
    process.exit(1);
  }
}
