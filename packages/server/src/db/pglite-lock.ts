import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded database's folder is held by another live process. */
export class DatabaseInUseError extends Error {
  readonly code = 'database_in_use';
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database is in use by process ${pid} (a Touchline server or command); stop it first. ` +
        `If no such process runs, delete ${file}.`,
    );
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same folder (the admin command beside a running
 * server) corrupts it. A pid file in the folder keeps the second one out, as PostgreSQL's postmaster.pid does; one
 * left by a process that died is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'touchline.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DatabaseInUseError(file, pid);
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, { force: true });
}
