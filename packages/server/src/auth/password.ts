import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
const COST = 16384;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: COST, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$salt$hash`, with a fresh 16-byte salt per password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${COST}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 4 || parts[0] !== 'scrypt') {
    // Spend the same time on an unknown login as on a wrong password.
    await derive(password, randomBytes(16));
    return false;
  }
  const expected = Buffer.from(parts[3]!, 'base64');
  const key = await derive(password, Buffer.from(parts[2]!, 'base64'));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A strong random password for the generated first admin. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
