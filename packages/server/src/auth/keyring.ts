import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { Role } from '@touchline/contract';

export const ISSUER = 'touchline';
export const AUDIENCE = 'touchline';
export const TOKEN_TTL_SECONDS = 12 * 3600;
const MIN_SECRET_LENGTH = 32;
/** Tokens remembered as verified: every request checks its token, and HMAC through WebCrypto showed in profiles. */
const VERIFIED_CACHE = 1024;

export interface Principal {
  userId: string;
  role: Role;
  clubId?: string;
  /** The account's token version when the token was signed (claim `tv`; absent in older tokens, meaning 0). */
  tokenVersion?: number;
}

/** A verified token: its principal and when it stops being valid (ms since epoch). */
export interface Verified extends Principal {
  expiresAt: number;
}

export interface Keyring {
  sign(p: Principal, ttlSeconds?: number): Promise<string>;
  /** The principal of a valid token, or null: one keyring, looked up by `kid`, never "try every secret". */
  verify(token: string): Promise<Verified | null>;
}

export function parseKeyring(spec: string): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const i = part.indexOf(':');
    const kid = part.slice(0, i);
    const secret = part.slice(i + 1);
    if (i < 1 || secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `TOUCHLINE_JWT_KEYS: each entry is kid:secret with a secret of at least ${MIN_SECRET_LENGTH} characters`,
      );
    }
    if (keys.has(kid)) throw new Error(`TOUCHLINE_JWT_KEYS: kid "${kid}" appears twice`);
    keys.set(kid, new TextEncoder().encode(secret));
  }
  if (keys.size === 0) throw new Error('TOUCHLINE_JWT_KEYS is empty');
  return keys;
}

/** With no keyring configured, a random key is generated once and kept in the data folder. */
export function localKeyringSpec(dataDir: string): string {
  const file = path.join(dataDir, 'jwt.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `local:${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function createKeyring(spec: string): Keyring {
  const keys = parseKeyring(spec);
  const [signingKid, signingKey] = [...keys.entries()][0]!;
  // A token's signature and claims verify the same way every time, so a verified one is kept until it expires; the
  // account's own state (active, role, token version) is still read on every request (auth/plugin.ts).
  const verified = new Map<string, Verified>();
  const remember = (token: string, v: Verified | null) => {
    if (!v) return null;
    if (verified.size >= VERIFIED_CACHE) verified.delete(verified.keys().next().value!);
    verified.set(token, Object.freeze(v));
    return v;
  };
  return {
    async sign(p, ttl = TOKEN_TTL_SECONDS) {
      return new SignJWT({ role: p.role, ...(p.clubId ? { clubId: p.clubId } : {}), tv: p.tokenVersion ?? 0 })
        .setProtectedHeader({ alg: 'HS256', kid: signingKid, typ: 'JWT' })
        .setSubject(p.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttl}s`)
        .sign(signingKey);
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt > Date.now()) return known;
        verified.delete(token);
        return null;
      }
      return remember(token, await verifyToken(token));
    },
  };

  async function verifyToken(token: string): Promise<Verified | null> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid ? keys.get(header.kid) : undefined;
          if (!key) throw new joseErrors.JWKSNoMatchingKey();
          return key;
        },
        { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'role'] },
      );
      const role = Role.safeParse(payload.role);
      if (!role.success || typeof payload.sub !== 'string' || !/^[1-9][0-9]*$/.test(payload.sub)) return null;
      const clubId = typeof payload.clubId === 'string' ? payload.clubId : undefined;
      if (role.data === 'captain' && !clubId) return null;
      const tokenVersion = typeof payload.tv === 'number' && Number.isInteger(payload.tv) ? payload.tv : 0;
      const expiresAt = payload.exp! * 1000;
      return { userId: payload.sub, role: role.data, ...(clubId ? { clubId } : {}), tokenVersion, expiresAt };
    } catch {
      return null;
    }
  }
}
