import { z } from 'zod';
import { Id } from './common.ts';

/** What a fan can choose to hear about (docs/protocol.md, fans' notifications). */
export const NOTIFY_KINDS = ['kickoff', 'goal', 'red_card', 'half_time', 'full_time', 'lineups', 'reminder'] as const;
export const NotifyKind = z.enum(NOTIFY_KINDS);
export type NotifyKind = z.infer<typeof NotifyKind>;
/** A new recipient hears about everything but the lineups until they choose. */
export const DEFAULT_NOTIFY_KINDS: NotifyKind[] = ['kickoff', 'goal', 'red_card', 'half_time', 'full_time', 'reminder'];

export const FollowTarget = z.enum(['club', 'match']);
export type FollowTarget = z.infer<typeof FollowTarget>;
export const Follow = z.object({ target: FollowTarget, id: Id });
export type Follow = z.infer<typeof Follow>;
