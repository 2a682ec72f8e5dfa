/**
 * Names and limits both sides need, without zod, so the web imports them (`@touchline/contract/constants`)
 * without carrying schemas in its bundle. The schemas are built from these lists.
 */

/** Every tie-breaker the standings engine knows, in its default order. */
export const TIE_BREAKERS = [
  'points',
  'head_to_head',
  'goal_difference',
  'goals_for',
  'wins',
  'fewer_cards',
  'name',
] as const;
export const SEASON_FORMATS = [
  'round_robin',
  'double_round_robin',
  'round_robin_playoff',
  'groups_knockout',
  'knockout',
] as const;
export const TIE_KINDS = ['single', 'two_legged', 'best_of'] as const;
/** The roles an admin creates accounts for (fans sign in through Telegram). */
export const STAFF_ROLES = ['admin', 'operator', 'judge', 'captain'] as const;
export const ROLES = [...STAFF_ROLES, 'fan'] as const;

/** The team statistics an operator counts with ± (docs/rules.md); the cards are counted from the events. */
export const COUNTER_METRICS = ['shots', 'shots_on_target', 'corners', 'fouls', 'offsides', 'saves'] as const;

/** An event's minute and added time. */
export const MINUTE_MAX = 130;
/** How long a live-ticker comment may be: a line read at a glance, not an essay. */
export const COMMENT_MAX_LENGTH = 200;
/** How many comments one match takes in any 60 s, from all its operators together (decision 037). */
export const COMMENTS_PER_MINUTE = 6;
export const ADDED_TIME_MAX = 30;
/** Below this a password is refused with weak_password. */
export const MIN_PASSWORD_LENGTH = 10;

/** What a fan can choose to hear about (docs/protocol.md §12). */
export const NOTIFY_KINDS = ['kickoff', 'goal', 'red_card', 'half_time', 'full_time', 'lineups', 'reminder'] as const;
/** A new recipient hears about everything but the lineups until they choose. */
export const DEFAULT_NOTIFY_KINDS: (typeof NOTIFY_KINDS)[number][] = [
  'kickoff',
  'goal',
  'red_card',
  'half_time',
  'full_time',
  'reminder',
];

/**
 * A browser fan without an account is "me" by its push subscription: these headers carry its endpoint and its `auth`
 * secret (which the push service never sees), so no secret is ever in a URL (docs/protocol.md §12).
 */
export const PUSH_ENDPOINT_HEADER = 'x-push-endpoint';
export const PUSH_AUTH_HEADER = 'x-push-auth';

/** League news limits (decision 040): the contract's schemas and the admin editor read the same numbers. */
export const NEWS_TITLE_MAX = 200;
export const NEWS_BODY_MAX = 5000;
export const NEWS_CLUBS_MAX = 20;
export const NEWS_PAGE_MAX = 50;
/** A cover image's largest size. */
export const NEWS_COVER_MAX_BYTES = 2 * 1024 * 1024;

/** The fewest and most minutes before kick-off a reminder may come. */
export const REMINDER_MINUTES = { min: 5, max: 24 * 60, default: 60 } as const;
/** The lead times the screens offer (the web's settings, the bot's /settings); any whole minute in range is valid. */
export const REMINDER_CHOICES = [15, 30, 60, 120, 180, 1440] as const;
