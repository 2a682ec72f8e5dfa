import { sign as signInitData } from '@telegram-apps/init-data-node';
import type { FastifyInstance } from 'fastify';
import { createECDH, randomBytes } from 'node:crypto';

export const BOT_TOKEN = '123456:TEST-bot-token-for-follows';

/** A Telegram fan signed in through the WebApp; `allowsWrite` is initData's allows_write_to_pm. */
export async function telegramFan(app: FastifyInstance, telegramId: number, allowsWrite = true) {
  const user = { id: telegramId, first_name: 'Fan', language_code: 'en', allows_write_to_pm: allowsWrite };
  const initData = signInitData({ user, query_id: 'AAH' } as never, BOT_TOKEN, new Date());
  const res = await app.inject({ method: 'POST', url: '/api/auth/telegram', payload: { initData } });
  if (res.statusCode !== 200) throw new Error(`telegram sign-in failed: ${res.body}`);
  return res.json().token as string;
}

/** A browser's push subscription keys, as pushManager.subscribe would make them (the private half stays here). */
export function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}
