import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call as the fake received it. */
export interface BotCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
  at: number;
  /** What the fake answered with (`message_id` of a sent message). */
  result?: unknown;
}

/** What a scripted answer returns: a status and the Bot API's JSON answer. */
export interface BotAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A Bot API server on loopback that speaks Telegram's wire format (`POST {root}/bot{token}/{method}`, JSON in, `{ ok,
 * result }` out), so the production grammy client runs unchanged against it through `TELEGRAM_API_ROOT`.
 * `script` answers a call before the defaults do (a 429 with retry_after, a 403 for a blocked chat); `pushUpdate`
 * feeds long polling (`getUpdates`).
 */
export class FakeTelegram {
  readonly calls: BotCall[] = [];
  script: ((call: BotCall) => BotAnswer | undefined) | undefined;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private nextMessageId = 1000;
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private waiting: (() => void)[] = [];

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.root;
  }

  get root(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.waiting.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Calls of one method (sendMessage, editMessageText …), in arrival order. */
  sent(method: string): BotCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Queues an update for getUpdates; `update_id` is assigned. */
  pushUpdate(update: Record<string, unknown>): void {
    this.updates.push({ update_id: this.nextUpdateId++, ...update });
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!match)
      return this.answer(res, { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return this.answer(res, { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request' } });
    }
    const call: BotCall = { token: match[1]!, method: match[2]!, body, at: Date.now() };
    if (call.method !== 'getUpdates') this.calls.push(call);
    const scripted = this.script?.(call);
    if (scripted) return this.answer(res, scripted);
    if (call.method === 'getUpdates') return this.answer(res, await this.poll(body));
    call.result = this.defaultResult(call);
    return this.answer(res, { status: 200, body: { ok: true, result: call.result } });
  }

  private async poll(body: Record<string, unknown>): Promise<BotAnswer> {
    const offset = Number(body.offset ?? 0);
    this.updates = this.updates.filter((u) => Number(u.update_id) >= offset);
    if (this.updates.length === 0) {
      const timeoutMs = Math.min(Number(body.timeout ?? 0), 2) * 1000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return { status: 200, body: { ok: true, result: this.updates.filter((u) => Number(u.update_id) >= offset) } };
  }

  private defaultResult(call: BotCall): unknown {
    const chat = { id: Number(call.body.chat_id ?? 0), type: Number(call.body.chat_id) < 0 ? 'channel' : 'private' };
    switch (call.method) {
      case 'getMe':
        return { id: 42, is_bot: true, first_name: 'Touchline', username: 'touchline_test_bot' };
      case 'sendMessage':
      case 'sendPhoto':
        return { message_id: this.nextMessageId++, date: Math.floor(call.at / 1000), chat, text: call.body.text };
      case 'editMessageText':
        return {
          message_id: Number(call.body.message_id),
          date: Math.floor(call.at / 1000),
          chat,
          text: call.body.text,
        };
      default:
        return true;
    }
  }

  private answer(res: http.ServerResponse, answer: BotAnswer): void {
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }
}

/** The Bot API's 429 with the wait Telegram asks for. */
export const tooManyRequests = (retryAfter: number): BotAnswer => ({
  status: 429,
  body: {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  },
});

/** The Bot API's answer for a chat whose user blocked the bot. */
export const blockedByUser: BotAnswer = {
  status: 403,
  body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
};
