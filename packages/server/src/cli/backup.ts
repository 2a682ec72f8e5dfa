import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeBackup } from '../backup/dump.ts';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres } from '../db/client.ts';
import { requestBackup } from '../db/data-dir.ts';
import { copyInto, runCommand, userPath, writeBackupFile } from './backup-files.ts';

/**
 * `npm run backup -- <file>` (decision 032): a consistent snapshot of the database the server's own variables name,
 * taken while it runs. PostgreSQL is read directly; the embedded database is asked of the process that holds it,
 * or opened here when none does.
 */
await runCommand('backup', 'npm run backup -- <file>[.gz]', async ([arg]) => {
  const file = userPath(arg!);
  const config = loadConfig();
  let source: string;
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl, { migrate: false, poolSize: 1 });
    try {
      await writeBackupFile(file, async (out) => void (await writeBackup(database, out)));
    } finally {
      await database.close();
    }
    source = 'PostgreSQL';
  } else {
    const served = await requestBackup(config.dataDir);
    if (served) {
      if (served.statusCode !== 200)
        throw new Error(`The running server could not take the backup: ${await text(served)}`);
      await writeBackupFile(file, (out) => copyInto(served, out));
      source = `the running server's embedded database in ${config.dataDir}`;
    } else {
      if (!existsSync(path.join(config.dataDir, 'pglite')))
        throw new Error(`No embedded database in ${config.dataDir}`);
      const database = await openPglite(config.dataDir, { migrate: false });
      try {
        await writeBackupFile(file, async (out) => void (await writeBackup(database, out)));
      } finally {
        await database.close();
      }
      source = `the embedded database in ${config.dataDir}`;
    }
  }
  return `Backed up ${source} to ${file} (${statSync(file).size} bytes)`;
});

async function text(stream: NodeJS.ReadableStream) {
  let s = '';
  for await (const chunk of stream) s += chunk.toString();
  return s;
}
