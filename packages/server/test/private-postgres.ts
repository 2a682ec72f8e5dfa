import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './private-redis.ts';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
/** PostgreSQL refuses to run as root; a root test runs the cluster as the system's postgres account. */
const AS_POSTGRES = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];

function binary(name: string) {
  const version = readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no PostgreSQL under ${PG_ROOT}`);
  return path.join(PG_ROOT, version, 'bin', name);
}

/** A PostgreSQL cluster of the test's own in a temp folder, so stopping it disturbs no other test. */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-pg-'));
    if (AS_POSTGRES.length) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), 0);
    const pg = new PrivatePostgres(dir, await freePort());
    await pg.exec('initdb', ['-D', pg.data, '-U', 'touchline', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await pg.start();
    return pg;
  }

  get url() {
    return `postgres://touchline@127.0.0.1:${this.port}/postgres`;
  }

  private get data() {
    return path.join(this.dir, 'data');
  }

  private exec(name: string, args: string[]) {
    const [cmd, ...rest] = [...AS_POSTGRES, binary(name), ...args];
    return run(cmd!, rest);
  }

  /** Starts (again) on the same port and resolves once it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.exec('pg_ctl', ['-D', this.data, '-o', options, '-l', path.join(this.dir, 'log'), '-w', 'start']);
  }

  /** A fast shutdown: open sessions are ended and their transactions rolled back, as in a restart or failover. */
  async stop(): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
