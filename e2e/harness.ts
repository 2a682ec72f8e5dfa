import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { spawnServer, type Spawned } from '../packages/server/test/spawn.ts';
import { buildWebOnce } from './build-web.ts';

export const ADMIN = { login: 'e2e-admin', password: 'e2e-admin-password-long' };
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

export interface App {
  server: Spawned;
  url: string;
  api: (method: string, url: string, body?: unknown, token?: string) => Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  login: (login: string, password: string) => Promise<string>;
  createStaff: (
    role: 'operator' | 'judge' | 'captain' | 'admin',
    extra?: { clubId?: string },
  ) => Promise<{ login: string; password: string; token: string }>;
  stop: () => Promise<void>;
}

interface StartOptions {
  env?: Record<string, string>;
}

/** The app as `npm start` runs it (embedded database, demo league), on a free port; `env` adds variables. */
export async function startApp(options: StartOptions = {}): Promise<App> {
  await buildWebOnce();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-e2e-'));
  const server = await spawnServer({
    TOUCHLINE_DATA_DIR: dataDir,
    TOUCHLINE_ADMIN_LOGIN: ADMIN.login,
    TOUCHLINE_ADMIN_PASSWORD: ADMIN.password,
    TOUCHLINE_JWT_KEYS: `e2e:${randomBytes(32).toString('hex')}`,
    TOUCHLINE_TIMEZONE: 'Europe/Moscow',
    ...options.env,
  });
  const api: App['api'] = async (method, url, body, token) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const login = async (l: string, p: string) => {
    const res = await api('POST', '/api/auth/login', { login: l, password: p });
    if (res.status !== 200) throw new Error(`login ${l}: ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  const adminToken = await login(ADMIN.login, ADMIN.password);
  let n = 0;
  return {
    server,
    url: server.url,
    api,
    login,
    createStaff: async (role, extra = {}) => {
      const l = `${role}${n++}-${randomBytes(3).toString('hex')}`;
      const password = `${l}-password`;
      const res = await api(
        'POST',
        '/api/admin/users',
        { login: l, password, role, displayName: `${role} ${n}`, ...extra },
        adminToken,
      );
      if (res.status !== 201) throw new Error(`create ${role}: ${JSON.stringify(res.body)}`);
      return { login: l, password, token: await login(l, password) };
    },
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app and a browser for the tests of one describe block: started before them, then handed to `ready` (which may
 * prepare more), and both stopped after the last test.
 */
export function appAndBrowser(
  ready: (started: { app: App; browser: Browser }) => unknown,
  options: StartOptions = {},
): void {
  let app: App | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(options), launchBrowser()]);
    await ready({ app, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
}

/** The id of the active season of the demo's league or cup competition. */
export async function activeSeason(app: App, type: 'league' | 'cup'): Promise<string> {
  const { competitions } = (await app.api('GET', '/api/competitions')).body as {
    competitions: { type: string; seasons: { id: string; active: boolean }[] }[];
  };
  return competitions.find((c) => c.type === type)!.seasons.find((s) => s.active)!.id;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const viewports = {
  phone: { width: 360, height: 740 },
  /** The same phone on its side. */
  landscape: { width: 740, height: 360 },
  desktop: { width: 1280, height: 800 },
} as const;

export async function newPage(
  browser: Browser,
  viewport: keyof typeof viewports = 'phone',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  // Every page records what its content security policy blocked, so a test can insist on none.
  await context.addInitScript(() => {
    const blocked: string[] = [];
    Object.assign(window, { cspViolations: blocked });
    document.addEventListener('securitypolicyviolation', (e) => blocked.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  return { context, page };
}

/** What the page's content security policy has blocked since it loaded (see newPage). */
export const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

/** Signs a page in by going through the login screen, as a person would, and waits until the app has let it in. */
export async function signInPage(page: Page, app: App, login: string, password: string) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel(/логин|login/i).fill(login);
  await page.getByLabel(/пароль|password/i).fill(password);
  await page.getByRole('button', { name: /войти|sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Waits until the app's service worker controls the page: from then on what the app reads is kept, and the console
 * opens offline.
 */
export async function serviceWorkerControls(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}
