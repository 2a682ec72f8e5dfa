import type { PatchFrame } from '@touchline/contract';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Where a topic's stream stands: the last snapshot or patch applied. */
export interface StreamPosition {
  epoch: string;
  seq: number;
}

export interface TopicHandlers<T = unknown> {
  onSnapshot(data: T, at: StreamPosition): void;
  onPatch(frame: PatchFrame): void;
  /** A topic-level refusal such as `forbidden` or `unknown_topic`. */
  onError?(code: string): void;
}

/** The part of a WebSocket the client uses; the browser's and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type SocketConstructor = new (url: string) => SocketLike;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

/** Whether the device has a network at all, and a way to hear when that changes. */
export interface Network {
  online(): boolean;
  watch(onChange: (online: boolean) => void): () => void;
}
