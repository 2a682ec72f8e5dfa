export { createRealtimeClient, type RealtimeClient, type RealtimeOptions } from './client.ts';
export type * from './types.ts';
