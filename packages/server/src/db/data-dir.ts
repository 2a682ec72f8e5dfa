import { chmodSync, createReadStream, createWriteStream, mkdirSync, unlinkSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * The embedded database lives in one process only (PGlite has no lock of its own, and two processes on one folder
 * corrupt it). That process holds this socket in the data folder; anyone else who needs the database, a second
 * server or `npm run backup`, finds it there and asks it (decision 032). The socket is the owner's alone (0600):
 * whoever may use it may read the database files anyway.
 */
export const socketPath = (dataDir: string) => path.join(dataDir, 'touchline.sock');

/** A Unix socket path holds at most 107 bytes. */
const SOCKET_PATH_MAX = 107;

export class DataDirInUse extends Error {
  readonly code = 'database_in_use';
  constructor(dataDir: string) {
    super(`The data folder ${dataDir} is in use by another Touchline process (a server or a command); stop it first`);
  }
}

export interface DataDirHold {
  /** Answers `GET /backup` on the socket with a backup that `write` takes of the held database. */
  serveBackups(write: (out: Writable) => Promise<unknown>): void;
  close(): Promise<void>;
}

const listen = (server: http.Server, file: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => {
      server.off('error', reject);
      resolve();
    });
  });

/** Whether a process answers on the socket (a file left by a killed process refuses the connection). */
const answers = (file: string) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(file);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Takes the data folder for this process, or throws DataDirInUse when a live process holds it. */
export async function holdDataDir(dataDir: string): Promise<DataDirHold> {
  mkdirSync(dataDir, { recursive: true });
  const file = socketPath(dataDir);
  if (Buffer.byteLength(file) > SOCKET_PATH_MAX) {
    throw new Error(`The data folder's path is too long for its socket (${file}); use a shorter TOUCHLINE_DATA_DIR`);
  }
  let backup: ((out: Writable) => Promise<unknown>) | undefined;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/backup' || !backup) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not_found');
      return;
    }
    void sendBackup(dataDir, backup, res);
  });
  try {
    await listen(server, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    if (await answers(file)) throw new DataDirInUse(dataDir);
    unlinkSync(file);
    await listen(server, file);
  }
  chmodSync(file, 0o600);
  return {
    serveBackups: (write) => (backup = write),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Writes the backup to a file in the data folder first and only then streams it: the embedded database serves
 * nothing else while the snapshot is read, so that must not wait on how fast the reader drains the socket.
 */
async function sendBackup(dataDir: string, write: (out: Writable) => Promise<unknown>, res: http.ServerResponse) {
  const tmp = path.join(dataDir, `backup-${randomUUID()}.tmp`);
  try {
    const out = createWriteStream(tmp, { mode: 0o600 });
    await write(out);
    out.end();
    await finished(out);
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    const file = createReadStream(tmp);
    file.pipe(res);
    await finished(res);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end((err as Error).message);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // Never written.
    }
  }
}

/** Asks the process holding the data folder for a backup; undefined when no process holds it. */
export async function requestBackup(dataDir: string): Promise<http.IncomingMessage | undefined> {
  const file = socketPath(dataDir);
  if (!(await answers(file))) return undefined;
  return new Promise((resolve, reject) => {
    http.get({ socketPath: file, path: '/backup' }, resolve).once('error', reject);
  });
}
