import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { pushEndpointAllowed } from '../src/follows/push-endpoint.ts';
import { vapidKeys } from '../src/follows/vapid.ts';

describe('Web Push configuration', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-vapid-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the embedded pair once into the data folder and keeps it', () => {
    const config = loadConfig({ TOUCHLINE_DATA_DIR: dir });
    const first = vapidKeys(config);
    expect(first?.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(vapidKeys(config)).toEqual(first);
    expect(JSON.parse(readFileSync(path.join(dir, 'vapid.json'), 'utf8')).publicKey).toBe(first!.publicKey);
  });

  it('is off on PostgreSQL unless the pair is given, and refuses half a pair', () => {
    const pg = { TOUCHLINE_DATA_DIR: dir, DATABASE_URL: 'postgres://db/x' };
    expect(vapidKeys(loadConfig(pg))).toBeNull();
    const given = { ...pg, TOUCHLINE_VAPID_PUBLIC_KEY: 'pub', TOUCHLINE_VAPID_PRIVATE_KEY: 'priv' };
    expect(vapidKeys(loadConfig(given))).toMatchObject({ publicKey: 'pub', privateKey: 'priv' });
    expect(() => vapidKeys(loadConfig({ ...pg, TOUCHLINE_VAPID_PUBLIC_KEY: 'pub' }))).toThrow(/together/);
  });

  it('sends only over https to known push services and the hosts TOUCHLINE_PUSH_ALLOWED_HOSTS adds', () => {
    const added = loadConfig({ TOUCHLINE_PUSH_ALLOWED_HOSTS: ' 127.0.0.1, push.example ' }).pushAllowedHosts;
    expect(added).toEqual(['127.0.0.1', 'push.example']);
    const allowed = [
      'https://fcm.googleapis.com/fcm/send/x',
      'https://updates.push.services.mozilla.com/wpush/v2/x',
      'https://web.push.apple.com/x',
      'https://wns2-par02p.notify.windows.com/w/?token=x',
    ];
    for (const e of allowed) expect(pushEndpointAllowed(e, [])).toBe(true);
    const refused = [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://127.0.0.1:8443/x',
      'file:///etc/passwd',
    ];
    for (const e of refused) expect(pushEndpointAllowed(e, [])).toBe(false);
    expect(pushEndpointAllowed('https://127.0.0.1:8443/x', added)).toBe(true);
    expect(pushEndpointAllowed('http://127.0.0.1:8443/x', added)).toBe(false);
  });
});
