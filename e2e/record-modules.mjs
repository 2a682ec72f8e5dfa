// Preloaded by e2e/compiled-server.test.ts through NODE_OPTIONS: lists every module a process loads into
// $TOUCHLINE_MODULE_LOG/<pid>.txt, ES modules as the loader resolves them and CommonJS ones at exit, so the
// test can show that the compiled server runs no TypeScript and no tsx. Plain JavaScript, as nothing else may
// be loaded to prove it.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const log = `${process.env.TOUCHLINE_MODULE_LOG}/${process.pid}.txt`;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}

// The hooks run on their own thread, which loads this file again.
if (isMainThread) {
  register(import.meta.url);
  const required = createRequire(import.meta.url).cache;
  process.on('exit', () =>
    appendFileSync(
      log,
      Object.keys(required)
        .map((f) => `${f}\n`)
        .join(''),
    ),
  );
}
