import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../e2e/build-once.ts';
import { webBuild } from '../e2e/build-web.ts';
import { serverBuild, START_PROD } from '../e2e/compiled-server.ts';
import { loadConfig } from '../packages/server/src/config.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const names = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[1]!));

/** Every variable the server reads, and every one the sample file names (set or commented). */
const serverVars = names(read('packages/server/src/config.ts'), /\benv\.([A-Z][A-Z0-9_]*)/g);
const sample = read('deploy/touchline.env');
const sampleVars = names(sample, /^#?\s*([A-Z][A-Z0-9_]*)=/gm);

interface Service {
  build?: { context: string; dockerfile: string };
  command?: unknown;
  entrypoint?: unknown;
  env_file?: string;
  environment?: Record<string, string>;
}
const compose = parse(read('deploy/compose.yaml')) as { services: Record<string, Service> };
const instances = Object.values(compose.services).filter((s) => s.build);

/** The recipe in deploy/ runs what the tests run, with the settings the sample file describes (README "Deploying"). */
describe('deploy/', () => {
  it('the sample environment file names every variable the server reads', () => {
    expect([...serverVars].filter((v) => !sampleVars.has(v))).toEqual([]);
  });

  it('the sample file leaves PORT and HOST to each instance, since systemd lets the file override its unit', () => {
    expect(names(sample, /^([A-Z][A-Z0-9_]*)=/gm)).not.toContain('PORT');
    expect(names(sample, /^([A-Z][A-Z0-9_]*)=/gm)).not.toContain('HOST');
    const unit = read('deploy/systemd/touchline@.service');
    expect(unit).toMatch(/^Environment=PORT=%i HOST=127\.0\.0\.1 /m);
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/touchline\/touchline\.env$/m);
  });

  it('builds and starts with the npm scripts the tests run', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).toBe(`npm run ${webBuild.script.join(' ')} && npm run ${serverBuild.script.join(' ')}`);
    const dockerfile = read('deploy/Dockerfile');
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    expect(dockerfile).toMatch(new RegExp(`^CMD \\["npm", "run", "${START_PROD}"\\]$`, 'm'));
    expect(read('deploy/systemd/touchline@.service')).toMatch(
      new RegExp(`^ExecStart=/usr/bin/npm run ${START_PROD}$`, 'm'),
    );
    expect(instances).toHaveLength(2);
    for (const s of instances) {
      expect(s.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect([s.command, s.entrypoint]).toEqual([undefined, undefined]);
    }
  });

  it('gives each Compose instance settings the server accepts at start', () => {
    for (const s of instances) expect(() => loadConfig({ ...s.environment })).not.toThrow();
  });

  it('compose sets and asks for only variables the sample file names, and gives Caddy what it has no default for', () => {
    const text = read('deploy/compose.yaml');
    for (const s of instances) {
      expect(s.env_file).toBe('.env');
      expect(Object.keys(s.environment ?? {}).filter((v) => !sampleVars.has(v))).toEqual([]);
    }
    expect([...names(text, /\$\{([A-Z][A-Z0-9_]*)/g)].filter((v) => !sampleVars.has(v))).toEqual([]);
    const caddyfile = read('deploy/Caddyfile');
    const required = names(caddyfile, /\{\$([A-Z][A-Z0-9_]*)\}/g);
    expect([...required].filter((v) => !(v in (compose.services.caddy?.environment ?? {})))).toEqual([]);
  });
});
