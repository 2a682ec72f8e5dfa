import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@touchline/contract';
import type { Patch } from '../src/realtime/feed.ts';
import { UnknownTopics } from '../src/realtime/unknown-topics.ts';
import { auditAbout } from './audit-fixture.ts';

const patch = (topic: string, data?: AuditEntry): Patch => ({
  topic,
  epoch: 'e',
  seq: 1,
  changes: data ? [{ op: 'created', entity: 'audit', data }] : [],
});

describe('the unknown-topic cache', () => {
  it.each([
    ['its own topic’s patch', patch('match:5'), { 'match:5': false, 'match:6': true, 'season:9': true }],
    ['a season patch (it may announce new matches)', patch('season:1'), { 'match:5': false, 'season:9': false }],
    ['an audit entry about a season', patch('admin', auditAbout('season', '9')), { 'season:9': false }],
    ['an audit entry about anything else', patch('admin', auditAbout('club', '9')), { 'match:5': true }],
    ['a patch of another match', patch('match:7'), { 'match:5': true, 'match:6': true }],
  ])('after %s', (_, p, expected) => {
    const cache = new UnknownTopics(() => 0);
    for (const t of ['match:5', 'match:6', 'season:9']) cache.add(t);
    cache.heard(p);
    for (const [topic, known] of Object.entries(expected)) expect(cache.has(topic), topic).toBe(known);
  });

  it('forgets an entry after 30 s, and the oldest past 10,000 entries', () => {
    let now = 0;
    const cache = new UnknownTopics(() => now);
    cache.add('match:1');
    now = 29_999;
    expect(cache.has('match:1')).toBe(true);
    now = 30_000;
    expect(cache.has('match:1')).toBe(false);
    for (let i = 1; i <= 10_001; i++) cache.add(`match:${i}`);
    expect(cache.has('match:1')).toBe(false);
    expect(cache.has('match:2')).toBe(true);
    expect(cache.has('match:10001')).toBe(true);
  });
});
