import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';

const started = performance.now();
const here = path.dirname(fileURLToPath(import.meta.url));
const config = loadConfig({ TOUCHLINE_WEB_DIST: path.resolve(here, '../../web/dist'), ...process.env });
const app = await buildApp(config);
const report = await bootstrap(app);

let closing = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing open requests');
    // app.close() stops accepting, tells realtime clients to reconnect elsewhere (4009), answers the requests in
    // flight, then closes the bus and the database (decision 031).
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

// A crowd reconnecting at once (decision 048) overflows Node's default accept queue of 511: dropped SYNs come back
// only after TCP's 1, 3, 7… s retransmits. The kernel caps this at net.core.somaxconn.
const LISTEN_BACKLOG = 4096;
const address = await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
const url = `http://localhost:${new URL(address).port}`;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const lines = [`Touchline is ready at ${url} (${app.database.kind}, started in ${seconds} s)`, ...report];
console.log(lines.join('\n'));
