import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role, Side } from '@touchline/contract';
import { type MatchWriteKind, matchWriteRefusal, type MatchWriteRefusal, type WriteClock } from '@touchline/domain';
import type { Principal } from '../auth/keyring.ts';
import { accountEnded, isActiveAccount, requireRole, requireUser, signedIn } from '../auth/plugin.ts';
import type { Executor } from '../db/client.ts';
import { matches, matchOperators } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export type MatchRow = typeof matches.$inferSelect;

/** The club that plays a side of the match. */
export const clubOfSide = (match: Pick<MatchRow, 'homeClubId' | 'awayClubId'>, side: Side) =>
  side === 'home' ? match.homeClubId : match.awayClubId;

interface ActionRule {
  /** Who may ask at all; anyone else is refused before the match is read (docs/protocol.md §5, §6). */
  roles: readonly Role[];
  /** Operators are refused on a match assigned to other operators. */
  assigned?: true;
  /** A captain acts on their own club's side only; what they are told otherwise. */
  ownSide?: string;
  /** What the domain checks against the match's status (docs/rules.md §1.2); reads have no such rule. */
  write?: MatchWriteKind;
}

/**
 * The one table of who may do what to a match (decision 025). A judge passes the door for a state change only to be
 * told by the domain what a judge may do; a captain's list of club matches names no match, so only its roles apply.
 */
export const MATCH_ACTIONS = {
  record: { roles: ['admin', 'operator', 'judge'], assigned: true, write: 'record' },
  state: { roles: ['admin', 'operator', 'judge'], assigned: true, write: 'state' },
  lineup: {
    roles: ['admin', 'operator', 'captain'],
    assigned: true,
    ownSide: 'A captain submits the lineup of their own club only',
    write: 'lineup',
  },
  lineupOptions: { roles: ['admin', 'operator', 'captain'], ownSide: 'Not your club' },
  /** The video link: like a status change, the operator's until full time (decision 042). */
  stream: { roles: ['admin', 'operator'], assigned: true, write: 'state' },
  clubMatches: { roles: ['admin', 'captain'] },
} as const satisfies Record<string, ActionRule>;

export type MatchAction = keyof typeof MATCH_ACTIONS;
/** A write to a match: what it touches and, for a lineup, which side. */
export type WriteRequest = { action: 'record' | 'state' | 'stream' } | { action: 'lineup'; side: Side };
/** When a write is made: the domain's clock; a replay changes nothing, so only who may write is checked. */
export type WriteWhen = WriteClock & { replay?: boolean };
/** A read of one side of a match. */
export type ReadRequest = { action: 'lineupOptions'; side: Side };
export type MatchRequest = (WriteRequest & { when: WriteWhen }) | ReadRequest;

const FORBIDDEN: Record<Role, string> = {
  admin: 'Forbidden',
  operator: 'Forbidden',
  judge: 'A judge corrects events and statistics only',
  captain: 'A captain submits lineups only',
  fan: 'Your role may not change matches',
};

const MESSAGES: Record<Exclude<MatchWriteRefusal, 'forbidden'>, string> = {
  match_finished: 'The match is finished; ask the judge or an admin',
  correction_window_closed: 'The correction window has closed',
  match_not_live: 'The match is not live',
  lineup_locked: 'Lineups close at kick-off',
};

/** The gate's first half, before anything is read: the caller's role may ask for this action at all. */
export const mayAsk = (p: Principal, action: MatchAction): Principal => requireRole(p, MATCH_ACTIONS[action].roles);

/** The signed-in caller (401 otherwise) who may ask for this action (403 otherwise). */
export const admit = async (req: FastifyRequest, action: MatchAction) => mayAsk(await requireUser(req), action);

/**
 * `admit` for a match write, whose lock statement reads the caller's account (decision 054): only a refusal here reads
 * it first, so a token whose account ended is 401 whatever it asks.
 */
export async function admitToWrite(req: FastifyRequest, action: MatchAction): Promise<Principal> {
  const p = signedIn(req);
  try {
    return mayAsk(p, action);
  } catch (refusal) {
    if (!(await isActiveAccount(req.server.db, p))) throw accountEnded();
    throw refusal;
  }
}

/**
 * The gate's second half, on the match: the operator's assignment, the captain's side, then what the match's status
 * still allows from the domain's matchWriteRefusal.
 */
export async function authorizeMatch(
  ex: Executor,
  p: Principal,
  match: MatchRow,
  asked: MatchRequest,
  /** The match's assigned operators when the caller read them with the match (`assignedOperators`). */
  operators?: readonly number[],
): Promise<void> {
  const rule: ActionRule = MATCH_ACTIONS[asked.action];
  if (rule.assigned && p.role === 'operator') {
    const assigned =
      operators ??
      (
        await ex
          .select({ userId: matchOperators.userId })
          .from(matchOperators)
          .where(eq(matchOperators.matchId, match.id))
      ).map((a) => a.userId);
    if (assigned.length > 0 && !assigned.some((userId) => String(userId) === p.userId)) {
      throw new ApiError('forbidden', 'Other operators are assigned to this match');
    }
  }
  if (rule.ownSide && 'side' in asked && p.role === 'captain' && String(clubOfSide(match, asked.side)) !== p.clubId) {
    throw new ApiError('forbidden', rule.ownSide);
  }
  if (!rule.write || !('when' in asked)) return;
  const refusal = matchWriteRefusal(p.role, match, rule.write, asked.when);
  if (refusal === 'forbidden') throw new ApiError(refusal, FORBIDDEN[p.role]);
  if (refusal && !asked.when.replay) throw new ApiError(refusal, MESSAGES[refusal]);
}

/** The user ids of a match's assigned operators, as a column of a query on `matches` (one round trip, not two). */
export const assignedOperators = () =>
  sql<number[]>`array(select ${matchOperators.userId} from ${matchOperators}
    where ${matchOperators.matchId} = ${matches.id})`;

/** A match a read asks about, once the gate lets the caller read it (404 when there is none). */
export async function gatedMatch(ex: Executor, p: Principal, matchId: number, asked: ReadRequest): Promise<MatchRow> {
  const [match] = await ex.select().from(matches).where(eq(matches.id, matchId));
  if (!match) throw new ApiError('not_found', 'No such match');
  await authorizeMatch(ex, p, match, asked);
  return match;
}
