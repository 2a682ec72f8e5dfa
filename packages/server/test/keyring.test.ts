import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyring } from '../src/auth/keyring.ts';

const spec = () => `k:${randomBytes(32).toString('hex')}`;

describe('the keyring remembers verified tokens only until they expire', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a token it verified before once its expiry has passed', async () => {
    const keyring = createKeyring(spec());
    const token = await keyring.sign({ userId: '7', role: 'operator' }, 60);
    expect(await keyring.verify(token)).toMatchObject({ userId: '7', role: 'operator' });
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
    expect(await keyring.verify(token)).toBeNull();
  });

  it('answers the same principal again, and still refuses a token altered after it was verified', async () => {
    const keyring = createKeyring(spec());
    const token = await keyring.sign({ userId: '7', role: 'captain', clubId: '3' });
    const first = await keyring.verify(token);
    expect(await keyring.verify(token)).toEqual(first);
    const [head, body, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${sig}`;
    expect(await keyring.verify(forged)).toBeNull();
  });

  it('never answers a token of another keyring from its memory', async () => {
    const a = createKeyring(spec());
    const token = await a.sign({ userId: '7', role: 'admin' });
    expect(await a.verify(token)).not.toBeNull();
    expect(await createKeyring(spec()).verify(token)).toBeNull();
  });
});
