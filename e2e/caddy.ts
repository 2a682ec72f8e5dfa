import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Debian's `caddy` (apt-get install -y caddy), if this machine has it. */
export const caddyInstalled = () => spawnSync('caddy', ['version']).status === 0;

export interface Caddy {
  /** The root certificate of Caddy's own CA, for a client to trust (never TLS verification off). */
  ca: Buffer;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs `caddy run` on a Caddyfile with the given environment; its certificates, CA and settings stay in `dir`
 * (XDG data and config folders), so nothing outside it is read or changed. Resolves once its CA exists.
 */
export async function startCaddy(caddyfile: string, env: Record<string, string>, dir: string): Promise<Caddy> {
  const proc: ChildProcess = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const root = path.join(dir, 'data/caddy/pki/authorities/local/root.crt');
  for (const deadline = Date.now() + 30_000; !existsSync(root);) {
    if (proc.exitCode !== null) throw new Error(`caddy exited with ${proc.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`caddy made no CA within 30 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ca: readFileSync(root),
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}
