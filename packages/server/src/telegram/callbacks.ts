import { type FollowTarget, NOTIFY_KINDS, type NotifyKind, REMINDER_CHOICES } from '@touchline/contract';

/**
 * What a button asks for, packed into its callback data (at most 64 bytes). Callback data comes back from the
 * client, so it is parsed as untrusted input: anything else is no action.
 */
export type Action =
  | { do: 'follow'; target: FollowTarget; id: number }
  | { do: 'unfollow'; target: FollowTarget; id: number }
  | { do: 'toggle'; kind: NotifyKind }
  | { do: 'reminder'; minutes: number };

export function encodeAction(a: Action): string {
  if (a.do === 'toggle') return `k:${a.kind}`;
  if (a.do === 'reminder') return `r:${a.minutes}`;
  return `${a.do === 'follow' ? 'f' : 'u'}:${a.target}:${a.id}`;
}

const MAX_ID = 2 ** 31 - 1;

export function decodeAction(data: string): Action | undefined {
  const follow = /^([fu]):(club|match):(\d{1,10})$/.exec(data);
  if (follow) {
    const id = Number(follow[3]);
    if (id < 1 || id > MAX_ID) return undefined;
    return { do: follow[1] === 'f' ? 'follow' : 'unfollow', target: follow[2] as FollowTarget, id };
  }
  const reminder = /^r:(\d{1,4})$/.exec(data);
  const minutes = REMINDER_CHOICES.find((m) => m === Number(reminder?.[1]));
  if (minutes) return { do: 'reminder', minutes };
  const toggle = /^k:(\w+)$/.exec(data);
  const kind = NOTIFY_KINDS.find((k) => k === toggle?.[1]);
  return kind ? { do: 'toggle', kind } : undefined;
}

/** A `/start` deep-link payload: `club_12` or `match_34` follows at once. */
export function decodeStartPayload(payload: string): { target: FollowTarget; id: number } | undefined {
  const m = /^(club|match)_(\d{1,10})$/.exec(payload.trim());
  if (!m) return undefined;
  const id = Number(m[2]);
  return id >= 1 && id <= MAX_ID ? { target: m[1] as FollowTarget, id } : undefined;
}
