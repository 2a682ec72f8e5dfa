import { randomUUID } from 'node:crypto';
import { PasswordBody } from '@touchline/contract';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { auditPatch } from '../changes/audit-patch.ts';
import { publishOnce } from '../realtime/redis-bus.ts';
import { CommandError } from './command-error.ts';
import { readNewPassword } from './read-password.ts';
import { accountOf, resetPassword } from './reset-password.ts';

const USAGE = 'Usage: npm run admin -- reset-password <login>';

/**
 * `npm run admin -- reset-password <login>`, for an admin who lost the password: on the database (and Redis) the
 * server's own variables name (docs/protocol.md §8, Command line; decision 030).
 */
async function resetPasswordCommand(login: string): Promise<string[]> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await accountOf(database.db, login);
    const password = await readNewPassword(login);
    if (!PasswordBody.safeParse({ password }).success) {
      throw new CommandError('bad_request', 'A password has at most 200 characters');
    }
    const entry = await resetPassword(database.db, login, password);
    const lines = [`The password of ${login} is reset; every session of the account has ended.`];
    // Running instances hear of it as of any write: they close the account's sockets and show the audit row.
    const origin = `admin-command:${randomUUID()}`;
    const heard =
      !config.redisUrl ||
      (await publishOnce(config.redisUrl, { ...auditPatch(entry), committedAt: Date.now(), origin }));
    if (!heard) {
      lines.push(
        'Redis could not be reached: the account’s REST calls are refused already, its open realtime connections end ' +
          'when their tokens expire (12 h at most).',
      );
    }
    return lines;
  } finally {
    await database.close();
  }
}

const [command, login, ...extra] = process.argv.slice(2);
if (command !== 'reset-password' || !login || extra.length > 0) {
  console.error(`error bad_request: ${USAGE}`);
  process.exitCode = 2;
} else {
  try {
    for (const line of await resetPasswordCommand(login)) console.log(line);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    console.error(typeof code === 'string' ? `error ${code}: ${(err as Error).message}` : err);
    process.exitCode = 1;
  }
}
