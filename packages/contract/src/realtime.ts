import { z } from 'zod';
import { Change } from './changes.ts';
import { ErrorCode } from './errors.ts';

/** Realtime protocol v1 (docs/protocol.md §9): every frame is one member of a union on `type`. */
export const PROTOCOL_VERSION = 1;
export const MAX_FRAME_BYTES = 16 * 1024;
export const SLOW_CONSUMER_BYTES = 1024 * 1024;
export const HELLO_TIMEOUT_MS = 5000;
/** Frames a client may send after `hello` and before `welcome`; they are answered with the welcome (§9.2). */
export const HELD_BEFORE_WELCOME = 20;
export const BAD_FRAMES_PER_MINUTE = 20;
export const DEFAULT_HEARTBEAT_MS = 15_000;

export const CloseCode = {
  noHello: 4000,
  invalidToken: 4001,
  tooManyBadFrames: 4002,
  slowConsumer: 4008,
  /**
   * The instance is shutting down (a restart or a scale-down) and has stopped accepting: the client reconnects at
   * once, to another instance behind the proxy, and resumes with `since`.
   */
  serverRestarting: 4009,
  tooBig: 1009,
  /** The server could not read a snapshot or the log; the client reconnects and resumes with `since`. */
  serverError: 1011,
} as const;

/** The codes an `error` frame carries; `rate_limited` refuses a subscription past the per-connection topic limit. */
export const RealtimeErrorCode = z.enum([
  ErrorCode.bad_message,
  ErrorCode.invalid_token,
  ErrorCode.unknown_topic,
  ErrorCode.forbidden,
  ErrorCode.rate_limited,
]);
export type RealtimeErrorCode = z.infer<typeof RealtimeErrorCode>;

export const Topic = z
  .string()
  .max(64)
  .regex(/^(match:[1-9][0-9]{0,14}|season:[1-9][0-9]{0,14}|live|admin)$/);
export type Topic = z.infer<typeof Topic>;

export const Since = z.object({ epoch: z.string().max(64), seq: z.number().int().min(0) });
export type Since = z.infer<typeof Since>;

export const HelloFrame = z.object({
  type: z.literal('hello'),
  protocol: z.literal(PROTOCOL_VERSION),
  token: z.string().max(4096).optional(),
});
export const SubscribeFrame = z.object({
  type: z.literal('subscribe'),
  topic: z.string().max(64),
  since: Since.optional(),
});
export const UnsubscribeFrame = z.object({ type: z.literal('unsubscribe'), topic: z.string().max(64) });
export const PingFrame = z.object({ type: z.literal('ping'), ts: z.number() });

export const ClientFrame = z.discriminatedUnion('type', [HelloFrame, SubscribeFrame, UnsubscribeFrame, PingFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ConnectionRole = z.enum(['anonymous', 'fan', 'captain', 'operator', 'judge', 'admin']);
export type ConnectionRole = z.infer<typeof ConnectionRole>;

export const WelcomeFrame = z.object({
  type: z.literal('welcome'),
  protocol: z.literal(PROTOCOL_VERSION),
  connectionId: z.string(),
  role: ConnectionRole,
  heartbeatMs: z.number().int(),
});
export const SubscribedFrame = z.object({
  type: z.literal('subscribed'),
  topic: z.string(),
  epoch: z.string(),
  seq: z.number().int(),
  recovered: z.boolean().optional(),
});
export const SnapshotFrame = z.object({
  type: z.literal('snapshot'),
  topic: z.string(),
  epoch: z.string(),
  seq: z.number().int(),
  data: z.unknown(),
  recovered: z.boolean().optional(),
});
export const PatchFrame = z.object({
  type: z.literal('patch'),
  topic: z.string(),
  epoch: z.string(),
  seq: z.number().int(),
  changes: z.array(Change),
});
export type PatchFrame = z.infer<typeof PatchFrame>;
export const UnsubscribedFrame = z.object({ type: z.literal('unsubscribed'), topic: z.string() });
export const PongFrame = z.object({ type: z.literal('pong'), ts: z.number() });
export const ErrorFrame = z.object({
  type: z.literal('error'),
  code: RealtimeErrorCode,
  message: z.string().optional(),
  topic: z.string().optional(),
});

export const ServerFrame = z.discriminatedUnion('type', [
  WelcomeFrame,
  SubscribedFrame,
  SnapshotFrame,
  PatchFrame,
  UnsubscribedFrame,
  PongFrame,
  ErrorFrame,
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
