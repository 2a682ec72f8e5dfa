import { Topic } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { adminFeed } from './admin-feed.ts';
import type { Feed } from './feed.ts';
import type { TopicSpec } from './hub.ts';
import type { LiveFeed } from './live-feed.ts';
import { matchFeed } from './match-feed.ts';
import { seasonFeed } from './season-feed.ts';

/** Ids are PostgreSQL integers; a larger number names nothing. */
const MAX_ID = 2 ** 31 - 1;

interface Kind {
  readers: TopicSpec['readers'];
  open(id: number): Feed;
  paced?: boolean;
}

/** The topics (docs/protocol.md §9.3): who may read each, and which feed serves it. */
export function topicTable(db: Db, live: LiveFeed): (name: string) => TopicSpec | undefined {
  const kinds: Record<string, Kind> = {
    match: { readers: 'everyone', open: (id) => matchFeed(db, id) },
    season: { readers: 'everyone', open: (id) => seasonFeed(db, id) },
    // The Today page's crowd waits behind the match crowds, whose fans wait on the score (decision 051).
    live: { readers: 'everyone', open: () => live, paced: true },
    admin: { readers: ['admin', 'judge'], open: () => adminFeed(db) },
  };
  return (name) => {
    if (!Topic.safeParse(name).success) return undefined;
    const [kind, raw] = name.split(':') as [string, string | undefined];
    const id = Number(raw ?? 0);
    const k = kinds[kind];
    if (!k || id > MAX_ID) return undefined;
    return { readers: k.readers, open: () => k.open(id), ...(k.paced ? { paced: true } : {}) };
  };
}
