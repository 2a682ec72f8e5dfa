import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { Config } from '../config.ts';

export interface Vapid {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * The server's VAPID pair (docs/decisions/035): the configured one; else, embedded, one generated once into the data
 * folder; else (PostgreSQL, where instances share no folder) none, and Web Push is off.
 */
export function vapidKeys(config: Config): Vapid | null {
  const { vapidPublicKey: publicKey, vapidPrivateKey: privateKey, vapidSubject: subject } = config;
  if (publicKey && privateKey) return { publicKey, privateKey, subject };
  if (publicKey || privateKey) {
    throw new Error('TOUCHLINE_VAPID_PUBLIC_KEY and TOUCHLINE_VAPID_PRIVATE_KEY are set together or not at all');
  }
  if (config.databaseUrl) return null;
  return { ...localPair(config.dataDir), subject };
}

function localPair(dataDir: string): { publicKey: string; privateKey: string } {
  const file = path.join(dataDir, 'vapid.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(webpush.generateVAPIDKeys())}\n`, { mode: 0o600 });
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return { publicKey: publicKey!, privateKey: privateKey! };
}
