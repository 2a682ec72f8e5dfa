import { GrammyError } from 'grammy';
import type { DeliveryResult } from '../notify/deliver.ts';

/**
 * What a failed Bot API call means for the outbox (docs/decisions/034): 429 waits as long as Telegram says, 403 (the
 * bot was blocked, or may not write) pauses the recipient, any other 4xx fails the message, and a network error or a
 * 5xx is tried again.
 */
export function telegramFailure(err: unknown): DeliveryResult {
  if (!(err instanceof GrammyError)) return { ok: false, retry: true, error: String(err) };
  const error = `${err.error_code} ${err.description}`;
  if (err.error_code === 429) {
    const retryAfter = err.parameters.retry_after;
    return { ok: false, retry: true, error, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) };
  }
  if (err.error_code === 403) return { ok: false, retry: false, recipient: 'pause', error };
  if (err.error_code >= 400 && err.error_code < 500) return { ok: false, retry: false, error };
  return { ok: false, retry: true, error };
}
