import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset means the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  adminLogin: string | undefined;
  adminPassword: string | undefined;
  /** `kid:secret` pairs; the first signs, all verify. Unset means a key kept in dataDir (embedded only). */
  jwtKeys: string | undefined;
  telegramBotToken: string | undefined;
  /** The Bot API's root; tests point it at a fake on loopback. */
  telegramApiRoot: string;
  /** Set: updates arrive by webhook with this secret; unset: the bot long-polls (docs/decisions/036). */
  telegramWebhookSecret: string | undefined;
  /** The app's public address (`https://…`), for links in Telegram messages; unset means no links. */
  publicUrl: string | undefined;
  /** How old a Telegram initData may be; a captured one replays as a sign-in until then. */
  telegramMaxAgeSeconds: number;
  timezone: string;
  demo: boolean;
  corsOrigins: string[];
  judgeWindowHours: number;
  logLevel: string;
  /** Bearer token for GET /metrics; unset means only loopback may scrape. */
  metricsToken: string | undefined;
  /** Where the built web app lives; served at `/` when present. */
  webDist: string | undefined;
  /** Period of the WebSocket pings on /realtime; unset means 15 s. */
  realtimeHeartbeatMs?: number;
  /** How long a new /realtime connection may wait before its hello; unset means 5 s. */
  realtimeHelloTimeoutMs?: number;
  /** Open /realtime sockets one address may hold. */
  realtimeMaxPerAddress: number;
  /** Open /realtime sockets this instance holds at most. */
  realtimeMaxConnections: number;
  /** Web Push VAPID keys (base64url); unset means a pair kept in dataDir, embedded only (docs/decisions/035). */
  vapidPublicKey: string | undefined;
  vapidPrivateKey: string | undefined;
  /** The contact push services see in the VAPID token: a mailto: or https: URL. */
  vapidSubject: string;
  /** Push endpoint hosts accepted beside the known push services (tests add 127.0.0.1). */
  pushAllowedHosts: string[];
  /** Whose X-Forwarded-For and X-Forwarded-Proto are believed: the client address and HTTPS come from them. */
  trustProxy: TrustProxy;
  /** Whether this instance plans and sends fans' notifications (docs/decisions/034); tests that do not care turn it off. */
  notify: boolean;
  /** How long news waits after its first change, so an operator's mistake undone within it is never sent. */
  notifyHoldSeconds: number;
  /** Messages per second to Telegram from all instances together. */
  telegramMaxPerSecond: number;
}

const int = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
};

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const timezone = env.TOUCHLINE_TIMEZONE || 'Europe/Moscow';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new Error(`TOUCHLINE_TIMEZONE is not a known time zone: "${timezone}"`);
  }
  const host = env.HOST || '0.0.0.0';
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host,
    dataDir: path.resolve(env.TOUCHLINE_DATA_DIR || './data'),
    databaseUrl: blankToUndefined(env.DATABASE_URL),
    redisUrl: blankToUndefined(env.REDIS_URL),
    adminLogin: blankToUndefined(env.TOUCHLINE_ADMIN_LOGIN),
    adminPassword: blankToUndefined(env.TOUCHLINE_ADMIN_PASSWORD),
    jwtKeys: blankToUndefined(env.TOUCHLINE_JWT_KEYS),
    telegramBotToken: blankToUndefined(env.TELEGRAM_BOT_TOKEN),
    telegramApiRoot: blankToUndefined(env.TELEGRAM_API_ROOT)?.replace(/\/+$/, '') ?? 'https://api.telegram.org',
    telegramWebhookSecret: blankToUndefined(env.TELEGRAM_WEBHOOK_SECRET),
    publicUrl: blankToUndefined(env.TOUCHLINE_PUBLIC_URL)?.replace(/\/+$/, ''),
    telegramMaxAgeSeconds: int(env.TOUCHLINE_TELEGRAM_MAX_AGE, 3600, 'TOUCHLINE_TELEGRAM_MAX_AGE'),
    timezone,
    demo: env.TOUCHLINE_DEMO !== '0',
    corsOrigins: list(env.TOUCHLINE_CORS_ORIGINS),
    judgeWindowHours: int(env.TOUCHLINE_JUDGE_WINDOW_HOURS, 48, 'TOUCHLINE_JUDGE_WINDOW_HOURS'),
    logLevel: env.LOG_LEVEL || 'info',
    metricsToken: blankToUndefined(env.TOUCHLINE_METRICS_TOKEN),
    webDist: blankToUndefined(env.TOUCHLINE_WEB_DIST),
    realtimeMaxPerAddress: int(env.TOUCHLINE_WS_PER_ADDRESS, 500, 'TOUCHLINE_WS_PER_ADDRESS'),
    realtimeMaxConnections: int(env.TOUCHLINE_WS_MAX_CONNECTIONS, 20_000, 'TOUCHLINE_WS_MAX_CONNECTIONS'),
    vapidPublicKey: blankToUndefined(env.TOUCHLINE_VAPID_PUBLIC_KEY),
    vapidPrivateKey: blankToUndefined(env.TOUCHLINE_VAPID_PRIVATE_KEY),
    vapidSubject: blankToUndefined(env.TOUCHLINE_VAPID_SUBJECT) ?? 'mailto:touchline@example.org',
    pushAllowedHosts: list(env.TOUCHLINE_PUSH_ALLOWED_HOSTS),
    trustProxy: parseTrustProxy(env.TOUCHLINE_TRUST_PROXY, host),
    notify: env.TOUCHLINE_NOTIFY !== '0',
    notifyHoldSeconds: int(env.TOUCHLINE_NOTIFY_HOLD_SECONDS, 10, 'TOUCHLINE_NOTIFY_HOLD_SECONDS'),
    telegramMaxPerSecond: int(env.TELEGRAM_MAX_PER_SECOND, 30, 'TELEGRAM_MAX_PER_SECOND') || 30,
  };
}
