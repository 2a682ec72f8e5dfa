import type { FastifyInstance } from 'fastify';
import { MatchList, type MatchSnapshot, type MatchSummary } from '@touchline/contract';
import { TEST_ADMIN } from './helpers.ts';

export interface Api {
  token: string;
  req(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are asserted field by field
  ): Promise<{ status: number; body: any }>;
}

let ip = 0;
/** Signs in and returns a small client bound to that token (each sign-in from its own address). */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<Api> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password },
    remoteAddress: `10.50.${(ip >> 8) & 255}.${ip++ & 255}`,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${login}: ${res.body}`);
  const token = res.json().token as string;
  return {
    token,
    async req(method, url, payload) {
      const r = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
      return { status: r.statusCode, body: r.body ? r.json() : undefined };
    },
  };
}

export const signInAdmin = (app: FastifyInstance) => signIn(app, TEST_ADMIN.login, TEST_ADMIN.password);

/** Creates a staff account through the API and signs it in. */
export async function staff(
  app: FastifyInstance,
  admin: Api,
  role: 'operator' | 'judge' | 'captain' | 'admin',
  extra: { clubId?: string } = {},
) {
  const login = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  const password = `pw-${login}-long`;
  const res = await admin.req('POST', '/api/admin/users', { login, password, role, ...extra });
  if (res.status !== 201) throw new Error(`could not create ${role}: ${JSON.stringify(res.body)}`);
  return { api: await signIn(app, login, password), user: res.body.user as { id: string; login: string } };
}

export async function matches(app: FastifyInstance, query = ''): Promise<MatchSummary[]> {
  const res = await app.inject({ method: 'GET', url: `/api/matches${query}` });
  return MatchList.parse(res.json()).matches;
}

export async function snapshot(app: FastifyInstance, id: string): Promise<MatchSnapshot> {
  return (await app.inject({ method: 'GET', url: `/api/matches/${id}` })).json();
}

const localDay = (d: string | Date) => new Date(d).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' });

/** Today's demo matches: the scheduled league ones and the cup knockout. */
export async function todaysMatches(app: FastifyInstance) {
  const today = (await matches(app)).filter((m) => localDay(m.kickoffAt) === localDay(new Date()));
  return {
    league: today.filter((m) => m.competition.type === 'league' && m.status === 'scheduled'),
    live: today.filter((m) => m.status === 'live'),
    cup: today.find((m) => m.competition.type === 'cup')!,
  };
}
