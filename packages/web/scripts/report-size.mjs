// Prints the gzipped first-load JS of the public and console screens and of every widget from Vite's manifest,
// and fails the build when one is over its budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

/** A chunk and everything it imports statically: what the browser fetches before the screen can run. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const dep of chunk.imports ?? []) closure(dep, seen);
  return seen;
}

const gzipped = (files) =>
  [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = closure('index.html');
const screens = [
  { name: 'public (Today)', route: 'src/features/public/TodayPage.tsx', budget: 150 * 1024 },
  { name: 'console (live match)', route: 'src/features/console/ConsoleMatchPage.tsx', budget: 250 * 1024 },
];

let over = false;
console.log(`entry chunk: ${kb(gzipped(entry))} gzipped`);
for (const s of screens) {
  const own = new Set([...closure(s.route)].filter((f) => !entry.has(f)));
  const total = gzipped(entry) + gzipped(own);
  const ok = total < s.budget;
  over ||= !ok;
  console.log(
    `${s.name}: first-load JS ${kb(total)} gzipped (its own chunks ${kb(gzipped(own))}), budget ${kb(s.budget)} ${ok ? 'ok' : 'EXCEEDED'}`,
  );
}
// Every widget is the same page (embed.html), so one closure is each widget's whole first load (decision 045).
const EMBED_BUDGET = 40 * 1024;
const embed = gzipped(closure('embed.html'));
for (const widget of ['standings', 'club-fixtures', 'season-fixtures', 'club-live', 'match']) {
  const ok = embed < EMBED_BUDGET;
  over ||= !ok;
  console.log(
    `widget ${widget}: first-load JS ${kb(embed)} gzipped, budget ${kb(EMBED_BUDGET)} ${ok ? 'ok' : 'EXCEEDED'}`,
  );
}
if (over) process.exit(1);
