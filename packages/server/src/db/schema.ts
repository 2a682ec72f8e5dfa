import { sql } from 'drizzle-orm';
import type { EventType } from '@touchline/contract';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: id(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').$type<'admin' | 'operator' | 'judge' | 'captain' | 'fan'>().notNull(),
  clubId: integer('club_id').references(() => clubs.id),
  passwordHash: text('password_hash'),
  telegramId: text('telegram_id').unique(),
  active: boolean('active').notNull().default(true),
  /** Rises when the password is reset: tokens signed with an older value stop working. */
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: createdAt(),
});

export const clubs = pgTable('clubs', {
  id: id(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  logoUrl: text('logo_url'),
  primaryColor: text('primary_color'),
  secondaryColor: text('secondary_color'),
  homeGround: text('home_ground'),
  createdAt: createdAt(),
});

export const venues = pgTable('venues', {
  id: id(),
  name: text('name').notNull(),
  address: text('address'),
});

export const referees = pgTable('referees', {
  id: id(),
  name: text('name').notNull(),
});

export const persons = pgTable('persons', {
  id: id(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  birthDate: date('birth_date'),
  position: text('position'),
  createdAt: createdAt(),
});

/** A player's membership of a club squad; a transfer closes one row and opens another. */
export const squadMembers = pgTable(
  'squad_members',
  {
    id: id(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    shirtNumber: integer('shirt_number'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    leftAt: ts('left_at'),
  },
  (t) => [
    index('squad_members_club_idx').on(t.clubId),
    uniqueIndex('squad_members_one_current')
      .on(t.personId)
      .where(sql`${t.leftAt} is null`),
  ],
);

export const transfers = pgTable('transfers', {
  id: id(),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id),
  fromClubId: integer('from_club_id').references(() => clubs.id),
  toClubId: integer('to_club_id')
    .notNull()
    .references(() => clubs.id),
  at: ts('at').notNull().defaultNow(),
});

export type TieBreaker = 'points' | 'head_to_head' | 'goal_difference' | 'goals_for' | 'wins' | 'fewer_cards' | 'name';

export const competitions = pgTable('competitions', {
  id: id(),
  name: text('name').notNull(),
  type: text('type').$type<'league' | 'cup'>().notNull(),
  pointsWin: integer('points_win').notNull().default(3),
  pointsDraw: integer('points_draw').notNull().default(1),
  pointsLoss: integer('points_loss').notNull().default(0),
  /** How a match decided on penalties counts in the table: a plain draw, or win/loss points. */
  shootoutPolicy: text('shootout_policy').$type<'draw' | 'bonus'>().notNull().default('draw'),
  pointsShootoutWin: integer('points_shootout_win').notNull().default(2),
  pointsShootoutLoss: integer('points_shootout_loss').notNull().default(1),
  tieBreakers: jsonb('tie_breakers')
    .$type<TieBreaker[]>()
    .notNull()
    .default(['points', 'head_to_head', 'goal_difference', 'goals_for', 'wins', 'fewer_cards', 'name']),
  awayGoals: boolean('away_goals').notNull().default(false),
  /** Whether a level deciding match goes to extra time before penalties (decision 014). */
  extraTime: boolean('extra_time').notNull().default(false),
  /** Matchday lineup rules: starters, whether a goalkeeper must start, and the most substitutes named. */
  lineupStarters: integer('lineup_starters').notNull().default(11),
  lineupRequiresGoalkeeper: boolean('lineup_requires_goalkeeper').notNull().default(true),
  lineupMaxSubstitutes: integer('lineup_max_substitutes').notNull().default(12),
  yellowCardLimit: integer('yellow_card_limit').notNull().default(4),
  redCardBan: integer('red_card_ban').notNull().default(1),
  timezone: text('timezone'),
  /** Points per correct prediction pick, by market ({result, total, bothScore}); null: the defaults (decision 039). */
  predictionPoints: jsonb('prediction_points').$type<{ result: number; total: number; bothScore: number }>(),
  /** How long after full time fans may vote for the player of the match. */
  motmVoteHours: integer('motm_vote_hours').notNull().default(24),
  createdAt: createdAt(),
});

export type SeasonFormat =
  'round_robin' | 'double_round_robin' | 'round_robin_playoff' | 'groups_knockout' | 'knockout';

export const seasons = pgTable('seasons', {
  id: id(),
  competitionId: integer('competition_id')
    .notNull()
    .references(() => competitions.id),
  name: text('name').notNull(),
  format: text('format').$type<SeasonFormat>().notNull(),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const groups = pgTable('groups', {
  id: id(),
  seasonId: integer('season_id')
    .notNull()
    .references(() => seasons.id),
  label: text('label').notNull(),
});

export const seasonParticipants = pgTable(
  'season_participants',
  {
    seasonId: integer('season_id')
      .notNull()
      .references(() => seasons.id),
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    groupId: integer('group_id').references(() => groups.id),
    seed: integer('seed'),
    pointsDeduction: integer('points_deduction').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.clubId] })],
);

export const seasonRosters = pgTable(
  'season_rosters',
  {
    id: id(),
    seasonId: integer('season_id')
      .notNull()
      .references(() => seasons.id),
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    shirtNumber: integer('shirt_number').notNull(),
  },
  (t) => [
    uniqueIndex('season_rosters_shirt_unique').on(t.seasonId, t.clubId, t.shirtNumber),
    uniqueIndex('season_rosters_person_unique').on(t.seasonId, t.personId),
  ],
);

export const rounds = pgTable('rounds', {
  id: id(),
  seasonId: integer('season_id')
    .notNull()
    .references(() => seasons.id),
  /** A name the league gave by hand; unset, the round is named from stage and number in the reader's language. */
  label: text('label'),
  ordinal: integer('ordinal').notNull(),
  stage: text('stage').$type<'league' | 'group' | 'playoff'>().notNull().default('league'),
  /** The matchday of a table stage; for a playoff, the clubs the round starts with (8 = quarter-finals). */
  number: integer('number').notNull(),
});

export const ties = pgTable('ties', {
  id: id(),
  seasonId: integer('season_id')
    .notNull()
    .references(() => seasons.id),
  roundId: integer('round_id').references(() => rounds.id),
  kind: text('kind').$type<'single' | 'two_legged' | 'best_of'>().notNull(),
  bestOf: integer('best_of'),
  homeClubId: integer('home_club_id').references(() => clubs.id),
  awayClubId: integer('away_club_id').references(() => clubs.id),
  winnerClubId: integer('winner_club_id').references(() => clubs.id),
  /** Where the winner goes next in the bracket. */
  nextTieId: integer('next_tie_id'),
  nextSlot: text('next_slot').$type<'home' | 'away'>(),
  bracketPosition: integer('bracket_position'),
});

export const matches = pgTable(
  'matches',
  {
    id: id(),
    seasonId: integer('season_id')
      .notNull()
      .references(() => seasons.id),
    roundId: integer('round_id').references(() => rounds.id),
    groupId: integer('group_id').references(() => groups.id),
    tieId: integer('tie_id').references(() => ties.id),
    leg: integer('leg'),
    homeClubId: integer('home_club_id')
      .notNull()
      .references(() => clubs.id),
    awayClubId: integer('away_club_id')
      .notNull()
      .references(() => clubs.id),
    kickoffAt: ts('kickoff_at').notNull(),
    status: text('status')
      .$type<'scheduled' | 'live' | 'finished' | 'postponed' | 'cancelled'>()
      .notNull()
      .default('scheduled'),
    period: text('period').$type<
      | 'first_half'
      | 'half_time'
      | 'second_half'
      | 'extra_time_first'
      | 'extra_time_break'
      | 'extra_time_second'
      | 'penalties'
    >(),
    periodStartedAt: ts('period_started_at'),
    finishedAt: ts('finished_at'),
    venueId: integer('venue_id').references(() => venues.id),
    refereeId: integer('referee_id').references(() => referees.id),
    /** Sequence number of the match's change log; rises by exactly 1 per committed write. */
    seq: integer('seq').notNull().default(0),
    epoch: text('epoch').notNull(),
    /** The over/under line fans predict total goals against; null: 2.5. */
    predictionLine: real('prediction_line'),
    /** A video of the match on an allow-listed host (https). */
    streamUrl: text('stream_url'),
    createdAt: createdAt(),
  },
  (t) => [index('matches_kickoff_idx').on(t.kickoffAt), index('matches_season_idx').on(t.seasonId)],
);

export const matchOperators = pgTable(
  'match_operators',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.userId] })],
);

export const lineups = pgTable(
  'lineups',
  {
    id: id(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    side: text('side').$type<'home' | 'away'>().notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    shirtNumber: integer('shirt_number').notNull(),
    role: text('role').$type<'starter' | 'substitute'>().notNull(),
    position: text('position'),
  },
  (t) => [
    uniqueIndex('lineups_person_unique').on(t.matchId, t.personId),
    uniqueIndex('lineups_shirt_unique').on(t.matchId, t.side, t.shirtNumber),
  ],
);

export const matchEvents = pgTable(
  'match_events',
  {
    id: id(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    clientEventId: uuid('client_event_id'),
    type: text('type').$type<EventType>().notNull(),
    side: text('side').$type<'home' | 'away'>().notNull(),
    minute: integer('minute').notNull(),
    addedTime: integer('added_time'),
    playerId: integer('player_id').references(() => persons.id),
    relatedPlayerId: integer('related_player_id').references(() => persons.id),
    scored: boolean('scored'),
    /** A comment's line of the live ticker (docs/rules.md §1.1); null for every other type. */
    text: text('text'),
    createdAt: createdAt(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('match_events_client_id_unique').on(t.matchId, t.clientEventId),
    index('match_events_match_idx').on(t.matchId),
  ],
);

export const matchStats = pgTable(
  'match_stats',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    side: text('side').$type<'home' | 'away'>().notNull(),
    shots: integer('shots').notNull().default(0),
    shotsOnTarget: integer('shots_on_target').notNull().default(0),
    corners: integer('corners').notNull().default(0),
    fouls: integer('fouls').notNull().default(0),
    offsides: integer('offsides').notNull().default(0),
    saves: integer('saves').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.side] })],
);

/** Topics other than match:{id} keep their own epoch and seq here (season:{id}, live, admin). */
export const feeds = pgTable('feeds', {
  topic: text('topic').primaryKey(),
  epoch: text('epoch').notNull(),
  seq: integer('seq').notNull().default(0),
});

/** Every patch ever sent, per topic, in order: the source of realtime replay. */
export const changeLog = pgTable(
  'change_log',
  {
    topic: text('topic').notNull(),
    seq: integer('seq').notNull(),
    epoch: text('epoch').notNull(),
    changes: jsonb('changes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topic, t.seq] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: ts('at').notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    /** The command that made the change when no signed-in user did (`admin reset-password`, decision 030). */
    actorCommand: text('actor_command'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    matchId: integer('match_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_match_idx').on(t.matchId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);

/** Player totals per season, rebuilt from finished matches by finalisation. */
export const playerSeasonStats = pgTable(
  'player_season_stats',
  {
    seasonId: integer('season_id')
      .notNull()
      .references(() => seasons.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id),
    appearances: integer('appearances').notNull().default(0),
    goals: integer('goals').notNull().default(0),
    penaltyGoals: integer('penalty_goals').notNull().default(0),
    assists: integer('assists').notNull().default(0),
    yellowCards: integer('yellow_cards').notNull().default(0),
    redCards: integer('red_cards').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.personId, t.clubId] })],
);

/** Suspensions, rebuilt from finished matches by finalisation. */
export const suspensions = pgTable('suspensions', {
  id: id(),
  seasonId: integer('season_id')
    .notNull()
    .references(() => seasons.id),
  personId: integer('person_id')
    .notNull()
    .references(() => persons.id),
  clubId: integer('club_id')
    .notNull()
    .references(() => clubs.id),
  reason: text('reason').$type<'red_card' | 'second_yellow' | 'yellow_accumulation'>().notNull(),
  sourceMatchId: integer('source_match_id')
    .notNull()
    .references(() => matches.id),
  matchesBanned: integer('matches_banned').notNull(),
  matchesRemaining: integer('matches_remaining').notNull(),
});

/** Client ids of applied stats and state writes, so a resent write is applied once. */
export const clientWrites = pgTable(
  'client_writes',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    clientWriteId: uuid('client_write_id').notNull(),
    seq: integer('seq').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.clientWriteId] })],
);

/**
 * Whoever hears about follows (docs/decisions/034): a Telegram fan's private chat (`user_id`, `chat_id`), a browser's
 * Web Push subscription (`endpoint` with its keys: the subscription is the identity), or the league channel.
 */
export const notifyRecipients = pgTable(
  'notify_recipients',
  {
    id: id(),
    channel: text('channel').$type<'telegram' | 'push' | 'channel'>().notNull(),
    userId: integer('user_id')
      .references(() => users.id)
      .unique(),
    /** Telegram: the private chat (the fan's Telegram id) or the league channel's chat id. */
    chatId: text('chat_id'),
    endpoint: text('endpoint').unique(),
    p256dh: text('p256dh'),
    auth: text('auth'),
    /** What this recipient wants to hear about (NotifyKind values). */
    kinds: jsonb('kinds').$type<string[]>().notNull(),
    locale: text('locale').$type<'ru' | 'en'>().notNull().default('ru'),
    reminderMinutes: integer('reminder_minutes').notNull().default(60),
    /** Telegram: whether the fan allowed the bot to write (allows_write_to_pm, /start, requestWriteAccess). */
    canWrite: boolean('can_write').notNull().default(true),
    /** Set by /stop or a 403 (the bot was blocked): nothing is sent, the follows are kept. */
    pausedAt: ts('paused_at'),
    pauseReason: text('pause_reason'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('notify_recipients_channel_chat_unique').on(t.channel, t.chatId)],
);

/** A recipient follows a club or a match; `created_at` keeps a late follower from old news. */
export const follows = pgTable(
  'follows',
  {
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => notifyRecipients.id, { onDelete: 'cascade' }),
    target: text('target').$type<'club' | 'match'>().notNull(),
    targetId: integer('target_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.recipientId, t.target, t.targetId] }),
    index('follows_target_idx').on(t.target, t.targetId),
  ],
);

/** How far the notification planner has read each match's change log, and what fans have been told of it. */
export const matchNotifyState = pgTable('match_notify_state', {
  matchId: integer('match_id')
    .primaryKey()
    .references(() => matches.id),
  plannedSeq: integer('planned_seq').notNull().default(0),
  /** The facts last told (the planner's own shape); a correction compares against it. */
  told: jsonb('told'),
  /** When the first notable change not yet planned committed: the hold window runs from here. */
  windowOpenedAt: ts('window_opened_at'),
});

/** The outbox: one row per recipient and notice; (recipient_id, notice_key) is the idempotency key. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => notifyRecipients.id, { onDelete: 'cascade' }),
    /** The recipient's channel, copied so the sender picks due rows from one index without a join (decision 034). */
    channel: text('channel').$type<'telegram' | 'push' | 'channel'>().notNull(),
    noticeKey: text('notice_key').notNull(),
    matchId: integer('match_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').$type<'pending' | 'sent' | 'failed' | 'cancelled'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: ts('not_before').notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedUntil: ts('claimed_until'),
    /** When the change that caused it committed: commit-to-send delay is measured from here. */
    committedAt: ts('committed_at').notNull(),
    sentAt: ts('sent_at'),
    /** What the channel answered with (a Telegram message id), for edits and corrections. */
    externalId: text('external_id'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_recipient_notice_unique').on(t.recipientId, t.noticeKey),
    index('notifications_pending_idx')
      .on(t.notBefore, t.id)
      .where(sql`status = 'pending'`),
    index('notifications_match_idx').on(t.matchId),
  ],
);

/** A league news item by an admin; rendered as plain text with a little markup (decision 039). */
export const news = pgTable(
  'news',
  {
    id: id(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A cover image's file name in the data folder's news directory. */
    coverPath: text('cover_path'),
    matchId: integer('match_id').references(() => matches.id, { onDelete: 'set null' }),
    /** Whether the item goes to the league's Telegram channel (one post, edited with the item). */
    postToChannel: boolean('post_to_channel').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('news_published_idx').on(t.publishedAt)],
);

export const newsClubs = pgTable(
  'news_clubs',
  {
    newsId: integer('news_id')
      .notNull()
      .references(() => news.id, { onDelete: 'cascade' }),
    clubId: integer('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.newsId, t.clubId] }), index('news_clubs_club_idx').on(t.clubId)],
);

/** A signed-in fan's picks for a match; `points` and `outcome` are set by settlement, again on every correction. */
export const predictions = pgTable(
  'predictions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    result: text('result').$type<'home' | 'draw' | 'away'>(),
    total: text('total').$type<'over' | 'under'>(),
    /** The line the fan picked against (the match's line at the time). */
    totalLine: real('total_line'),
    bothScore: boolean('both_score'),
    /** Per market: whether the pick was right; null until the match is settled. */
    outcome: jsonb('outcome').$type<{ result?: boolean; total?: boolean; bothScore?: boolean }>(),
    points: integer('points'),
    settledAt: ts('settled_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.matchId] }), index('predictions_match_idx').on(t.matchId)],
);

/** One player-of-the-match vote per fan per match. */
export const motmVotes = pgTable(
  'motm_votes',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    personId: integer('person_id')
      .notNull()
      .references(() => persons.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.matchId, t.userId] }),
    index('motm_votes_match_person_idx').on(t.matchId, t.personId),
  ],
);
