import { useEffect, useRef } from 'react';
import type { TopicSnapshot } from '@touchline/contract';
import type { TopicHandlers } from './realtime/index.ts';
import { realtime } from './services.ts';

/** Subscribes to a realtime topic while mounted; handlers may change between renders. */
export function useTopic<T extends string>(topic: T | undefined, handlers: TopicHandlers<TopicSnapshot<T>>) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!topic) return;
    return realtime().subscribe(topic, {
      onSnapshot: (data, at) => ref.current.onSnapshot(data, at),
      onPatch: (frame) => ref.current.onPatch(frame),
      onError: (code) => ref.current.onError?.(code),
    });
  }, [topic]);
}
