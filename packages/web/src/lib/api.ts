import type {
  AuthAnswer,
  BracketAnswer,
  CompetitionsAnswer,
  ConfigAnswer,
  CreateEventBody,
  EventAnswer,
  LineupAnswer,
  LineupBody,
  LineupOptionsAnswer,
  MatchList,
  MatchListQuery,
  MatchSnapshot,
  PatchEventBody,
  PublicClubAnswer,
  SeasonPlayers,
  SeqAnswer,
  Side,
  Standings,
  StateAnswer,
  StateBody,
  StatsAnswer,
  StatsBody,
} from '@touchline/contract';

/** A failed call, parsed from the error body (docs/protocol.md §1). `status` 0 means the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  getToken: () => string | undefined;
  /** Called on any 401, so the session can be dropped. */
  onUnauthorized?: () => void;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined;
  const e = body?.error;
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details);
}

/** `?a=1&b=2` from the defined values, or nothing. */
export const query = (q: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
};

/** A body sent as it is, with its own content type (a CSV file, an image), rather than as JSON. */
export class RawBody {
  constructor(
    readonly text: string | Blob,
    readonly contentType: string,
  ) {}
}

/**
 * One authorised call to `/api`: JSON in and out (a file as a Blob when `answer` is 'blob'), errors (docs/protocol.md
 * §1) as ApiError, a 204 as undefined.
 */
export function createCaller({ getToken, onUnauthorized, baseUrl = '', fetchImpl = fetch }: ApiOptions) {
  return async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    answer: 'json' | 'blob' = 'json',
    /** A browser fan's push identity (docs/protocol.md): headers, never the URL. */
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const token = getToken();
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    const raw = body instanceof RawBody ? body : undefined;
    if (body !== undefined) headers['content-type'] = raw ? raw.contentType : 'application/json';
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}/api${path}`, {
        method,
        headers,
        // Staff screens reload right after their writes: revalidate (ETag) rather than reuse a copy up to 2 s old.
        ...(token ? { cache: 'no-cache' as const } : {}),
        ...(body !== undefined ? { body: raw ? raw.text : JSON.stringify(body) } : {}),
      });
    } catch (e) {
      throw new ApiError(0, 'network_error', e instanceof Error ? e.message : 'Network error');
    }
    if (!res.ok) {
      const error = await errorFrom(res);
      if (res.status === 401 && token) onUnauthorized?.();
      throw error;
    }
    if (res.status === 204) return undefined as T;
    return (answer === 'blob' ? await res.blob() : await res.json()) as T;
  };
}

export type ApiCall = ReturnType<typeof createCaller>;

/** The typed client for docs/protocol.md §3–5 and the app's extra reads. Tokens go only in the Authorization header. */
export function createApi(options: ApiOptions) {
  const call = createCaller(options);

  const m = (id: string) => `/matches/${encodeURIComponent(id)}`;

  return {
    /** Any other call, with the same token and 401 handling: the admin client (admin-api.ts) is built on it. */
    request: call,

    login: (login: string, password: string) => call<AuthAnswer>('POST', '/auth/login', { login, password }),
    telegram: (initData: string) => call<AuthAnswer>('POST', '/auth/telegram', { initData }),

    matches: (q: MatchListQuery = {}) => call<MatchList>('GET', `/matches${query({ ...q })}`),
    match: (id: string) => call<MatchSnapshot>('GET', m(id)),
    standings: (seasonId: string) => call<Standings>('GET', `/seasons/${encodeURIComponent(seasonId)}/standings`),
    seasonPlayers: (seasonId: string) => call<SeasonPlayers>('GET', `/seasons/${encodeURIComponent(seasonId)}/players`),
    bracket: (seasonId: string) => call<BracketAnswer>('GET', `/seasons/${encodeURIComponent(seasonId)}/bracket`),
    config: () => call<ConfigAnswer>('GET', '/config'),
    competitions: () => call<CompetitionsAnswer>('GET', '/competitions'),
    club: (id: string) => call<PublicClubAnswer>('GET', `/clubs/${encodeURIComponent(id)}`),

    createEvent: (matchId: string, body: CreateEventBody) => call<EventAnswer>('POST', `${m(matchId)}/events`, body),
    patchEvent: (matchId: string, eventId: string, body: PatchEventBody) =>
      call<EventAnswer>('PATCH', `${m(matchId)}/events/${encodeURIComponent(eventId)}`, body),
    deleteEvent: (matchId: string, eventId: string, clientEventId?: string) =>
      call<SeqAnswer>('DELETE', `${m(matchId)}/events/${encodeURIComponent(eventId)}${query({ clientEventId })}`),
    postStats: (matchId: string, body: StatsBody) => call<StatsAnswer>('POST', `${m(matchId)}/stats`, body),
    postState: (matchId: string, body: StateBody) => call<StateAnswer>('POST', `${m(matchId)}/state`, body),
    putLineup: (matchId: string, side: Side, body: LineupBody) =>
      call<LineupAnswer>('PUT', `${m(matchId)}/lineups/${side}`, body),

    captainMatches: () => call<MatchList>('GET', '/captain/matches'),
    lineupOptions: (matchId: string, side: Side) =>
      call<LineupOptionsAnswer>('GET', `${m(matchId)}/lineup-options/${side}`),
  };
}

export type Api = ReturnType<typeof createApi>;
