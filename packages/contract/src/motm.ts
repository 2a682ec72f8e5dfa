import { z } from 'zod';
import { Id, IsoDate, Side } from './common.ts';

/** `POST /api/matches/:id/motm-vote`: the signed-in fan's player of the match. */
export const MotmVoteBody = z.object({ playerId: Id }).strict();

/** One player who played in the match, with the votes they have. */
export const MotmPlayer = z.object({
  playerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  side: Side,
  shirtNumber: z.number().int(),
  votes: z.number().int(),
});
export type MotmPlayer = z.infer<typeof MotmPlayer>;

/**
 * The player-of-the-match vote as everyone sees it (the `motm` change on `match:{id}` carries this): the window, the
 * players who played by side and shirt number, and once closed the winners (a tie is shared).
 */
export const MotmTally = z.object({
  open: z.boolean(),
  closesAt: IsoDate.optional(),
  total: z.number().int(),
  players: z.array(MotmPlayer),
  winners: z.array(Id),
});
export type MotmTally = z.infer<typeof MotmTally>;

/** `GET /api/matches/:id/motm` and the vote's answer: the tally and, for a signed-in fan, their vote. */
export const MotmAnswer = MotmTally.extend({ myVote: Id.optional() });
export type MotmAnswer = z.infer<typeof MotmAnswer>;

/** `PUT /api/matches/:id/stream`: the match's video link, or null to remove it; the server checks the host. */
export const StreamBody = z.object({ streamUrl: z.string().max(2000).nullable() }).strict();
