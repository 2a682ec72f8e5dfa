import { restoreBackup } from '../backup/restore.ts';
import { loadConfig } from '../config.ts';
import { openPglite, openPostgres } from '../db/client.ts';
import { backupLines, runCommand, userPath } from './backup-files.ts';

/**
 * `npm run restore -- <file> [--force]` (decision 032) into the database the server's own variables name. The
 * embedded database must not be held by a running server; on PostgreSQL, stop the instances first.
 */
await runCommand('restore', 'npm run restore -- <file> [--force]', async (args) => {
  const force = args.includes('--force');
  const [arg] = args.filter((a) => a !== '--force');
  if (!arg) throw new Error('Name the backup file to restore');
  const file = userPath(arg);
  const lines = backupLines(file);
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, { migrate: false, poolSize: 1 })
    : await openPglite(config.dataDir, { migrate: false });
  try {
    const r = await restoreBackup(database, lines, { force });
    const into = config.databaseUrl ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`;
    const schema = r.schema.backup === r.schema.now ? r.schema.now : `${r.schema.backup}, migrated to ${r.schema.now}`;
    return `Restored ${r.rows} rows in ${r.tables} tables into ${into}, from a ${r.from} backup taken ${r.takenAt} (schema ${schema})`;
  } finally {
    await database.close();
  }
});
