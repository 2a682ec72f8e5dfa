import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './build-once.ts';
import { buildWebOnce } from './build-web.ts';

const dist = path.join(ROOT, 'packages/web/dist');
type Manifest = Record<string, { file: string; imports?: string[] }>;

/** A page's entry and every chunk it imports statically: the JavaScript a first load fetches. */
function firstLoad(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) firstLoad(manifest, dep, seen);
  return seen;
}

describe('widget size (decision 045)', () => {
  let manifest: Manifest;
  beforeAll(async () => {
    await buildWebOnce();
    manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  }, 300_000);

  it('loads under 40 KB of JavaScript gzipped, none of it the app’s React entry', () => {
    const files = [...firstLoad(manifest, 'embed.html')].filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f))).length, 0);
    expect(gzipped).toBeLessThan(40 * 1024);
    expect(files).not.toContain(manifest['index.html']!.file);
    const page = readFileSync(path.join(dist, 'embed.html'), 'utf8');
    // A widget inside another site installs nothing: no manifest, no service worker registration.
    expect(page).not.toContain('manifest');
    expect(page).not.toContain('serviceWorker');
  });
});
