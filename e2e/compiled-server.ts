import { spawnServer } from '../packages/server/test/spawn.ts';
import { type Build, buildOnce } from './build-once.ts';

const compiled = ['contract', 'domain', 'server'];

export const serverBuild: Build = {
  script: ['build', '-w', '@touchline/server'],
  inputs: [
    'tsconfig.base.json',
    'tsconfig.compile.json',
    ...compiled.flatMap((p) =>
      ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => `packages/${p}/${f}`),
    ),
  ],
  stamp: 'packages/server/dist/.built-by-tests',
  lock: 'packages/server/.build-lock',
};

/** The server, contract and domain compiled to JavaScript, as `npm run build` makes them. */
export const buildServerOnce = () => buildOnce(serverBuild);

/** The npm script that runs the compiled server, in the tests and in deploy/ alike. */
export const START_PROD = 'start:prod';

/** The compiled server as `npm run start:prod` runs it (npm's update check off: it would reach the network). */
export const startProd = (env: Record<string, string>) =>
  spawnServer({ npm_config_update_notifier: 'false', ...env }, { command: ['npm', 'run', START_PROD] });
