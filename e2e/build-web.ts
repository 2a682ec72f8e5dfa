import { type Build, buildOnce } from './build-once.ts';

export const webBuild: Build = {
  script: ['build', '-w', '@touchline/web'],
  inputs: [
    'packages/web/src',
    'packages/web/public',
    'packages/contract/src',
    'packages/domain/src',
    'packages/web/index.html',
    'packages/web/embed.html',
    'packages/web/vite.config.ts',
  ],
  stamp: 'packages/web/dist/.built-by-tests',
  lock: 'packages/web/.build-lock',
};

/** The web app as `npm run build` makes it and the server serves it at `/`. */
export const buildWebOnce = () => buildOnce(webBuild);
