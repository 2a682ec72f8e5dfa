import type { NoticeItem } from '@touchline/domain';

/**
 * One match's news for one recipient, as the planner stored it in the outbox (`notifications.payload`). Text is made
 * at send time in the recipient's language (`notify/text.ts`), so a stored notice never holds rendered user text.
 */
export interface Notice {
  matchId: string;
  /** The match as it was when the notice was planned: enough to write the message without another read. */
  match: {
    home: string;
    away: string;
    competition: string;
    kickoffAt: string;
    score: { home: number; away: number };
    shootout?: { home: number; away: number };
  };
  /** What happened in the hold window, oldest first; the recipient hears only the kinds they chose. */
  items: NoticeItem[];
}

/** The news of a hold window (`@touchline/domain` notices: the diff of told facts and the match now). */
export type { NoticeItem } from '@touchline/domain';

export interface Recipient {
  id: number;
  channel: 'telegram' | 'push' | 'channel';
  chatId: string | null;
  endpoint: string | null;
  p256dh: string | null;
  auth: string | null;
  kinds: string[];
  locale: 'ru' | 'en';
}

/** One outbox row handed to a deliverer. */
export interface Outgoing {
  id: number;
  noticeKey: string;
  kind: string;
  recipient: Recipient;
  notice: Notice;
  /** The external id of an earlier message of this recipient to edit in place (the league channel's match post). */
  editExternalId?: string;
}

export type DeliveryResult =
  | { ok: true; externalId?: string }
  /** Try again later: `retryAfterSeconds` from a 429, otherwise the sender's backoff. */
  | { ok: false; retry: true; retryAfterSeconds?: number; error: string }
  /** The recipient is gone (Telegram 403, push 404/410): `pause` keeps the follows, `remove` deletes the recipient. */
  | { ok: false; retry: false; recipient?: 'pause' | 'remove'; error: string };

/** A way out: Telegram private chats, the league channel, Web Push. The app wires one per channel. */
export interface Deliverer {
  channel: Recipient['channel'];
  deliver(message: Outgoing): Promise<DeliveryResult>;
}
