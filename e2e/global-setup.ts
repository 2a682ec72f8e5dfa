import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Browser tests run against the production build, as `npm start` serves it. */
export default function setup() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('npm', ['run', 'build', '-w', '@touchline/web'], { cwd: root, stdio: 'inherit' });
}
