export { createRealtimeClient } from './client.ts';
export type { RealtimeClient, RealtimeOptions } from './client.ts';
export type {
  ConnectionState,
  Network,
  SocketConstructor,
  SocketLike,
  StreamPosition,
  Timers,
  TopicHandlers,
} from './types.ts';
