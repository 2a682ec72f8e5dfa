import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the injected script adds to the page. */
type AxeWindow = { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } };

/** Impacts that fail a page: what blocks or seriously hinders someone using a screen reader, keyboard or low vision. */
const BLOCKING = new Set(['serious', 'critical']);

/** One line per failing element, readable in an assertion diff: rule, impact, what it asks, where. */
const lines = (v: Result) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}`);

/**
 * Runs axe-core in the page as it stands and returns its serious and critical violations, one line each.
 * The page must be settled first: axe judges only what is rendered when it runs.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, which the page's content security policy rightly does not allow
  // for a script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate((options) => (window as unknown as AxeWindow).axe.run(document, options), {
    resultTypes: ['violations'],
  } satisfies RunOptions);
  return results.violations.filter((v) => BLOCKING.has(v.impact ?? '')).flatMap(lines);
}
