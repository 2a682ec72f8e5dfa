import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { telegramBudget } from '../src/notify/budget.ts';
import { REDIS_URL } from './helpers.ts';

describe("Telegram's budget", () => {
  const redis = new Redis(REDIS_URL);
  afterAll(() => redis.quit());
  const chat = () => randomBytes(6).toString('hex');

  it('allows one message a second per chat', async () => {
    const budget = telegramBudget(30);
    const c = chat();
    expect(await budget.take(c)).toBe(0);
    expect(await budget.take(c)).toBeGreaterThan(0);
    expect(await budget.take(chat())).toBe(0);
  });

  it('is shared by the instances through Redis, and a 429 stops them all', async () => {
    // Each run has its own second: the overall key is shared, so the budget is the one under test.
    const [a, b] = [telegramBudget(2, redis), telegramBudget(2, redis)];
    await redis.del('tl:tg:all:all');
    expect([await a.take(chat()), await b.take(chat())]).toEqual([0, 0]);
    expect(await a.take(chat())).toBeGreaterThan(0);
    await redis.del('tl:tg:all:all');
    await b.pause(5);
    expect(await a.take(chat())).toBeGreaterThan(1000);
    await redis.del('tl:tg:all:all');
  });
});
