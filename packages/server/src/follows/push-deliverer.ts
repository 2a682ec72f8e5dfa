import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { Deliverer, DeliveryResult, Outgoing } from '../notify/deliver.ts';
import { renderNotice } from '../notify/text.ts';
import { pushEndpointAllowed } from './push-endpoint.ts';
import type { Vapid } from './vapid.ts';

/** A push service keeps an undelivered message this long: older match news is not worth showing. */
export const PUSH_TTL_SECONDS = 3600;
const TIMEOUT_MS = 10_000;

export interface PushDeps {
  vapid: Vapid;
  allowedHosts: readonly string[];
  /** The TLS trust to use; tests pass one that trusts their fake push service, production passes none. */
  agent?: Agent;
}

/** The JSON the service worker shows (packages/web/public/push-sw.js): one notification per match, replaced. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

const retryAfter = (headers: Record<string, string | string[] | undefined>) => {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? { retryAfterSeconds: seconds } : {};
};

/** Web Push: the notice encrypted to the browser's keys and signed with VAPID (RFC 8291, 8292; decision 035). */
export function pushDeliverer(deps: PushDeps): Deliverer {
  const { vapid } = deps;
  return {
    channel: 'push',
    async deliver(message: Outgoing): Promise<DeliveryResult> {
      const { recipient, notice } = message;
      const { endpoint, p256dh, auth } = recipient;
      // Checked again here, not only when stored: the server never calls an address outside the allow-list.
      if (!endpoint || !p256dh || !auth || !pushEndpointAllowed(endpoint, deps.allowedHosts)) {
        return { ok: false, retry: false, recipient: 'remove', error: 'endpoint not allowed' };
      }
      const text = renderNotice(notice, recipient.locale, recipient.kinds);
      if (!text) return { ok: true };
      const payload: PushPayload = {
        title: text.title,
        body: text.lines.join('\n'),
        url: `/matches/${notice.matchId}`,
        tag: `match-${notice.matchId}`,
      };
      try {
        await webpush.sendNotification({ endpoint, keys: { p256dh, auth } }, JSON.stringify(payload), {
          vapidDetails: vapid,
          TTL: PUSH_TTL_SECONDS,
          timeout: TIMEOUT_MS,
          ...(deps.agent ? { agent: deps.agent } : {}),
        });
        return { ok: true };
      } catch (err) {
        if (!(err instanceof WebPushError)) {
          return { ok: false, retry: true, error: err instanceof Error ? err.message : String(err) };
        }
        const error = `push service answered ${err.statusCode}`;
        if (err.statusCode === 404 || err.statusCode === 410)
          return { ok: false, retry: false, recipient: 'remove', error };
        if (err.statusCode === 429 || err.statusCode >= 500)
          return { ok: false, retry: true, ...retryAfter(err.headers), error };
        return { ok: false, retry: false, error };
      }
    },
  };
}
