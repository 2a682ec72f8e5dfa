import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { isDatabaseUnavailable } from '../src/db/unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a session ended by pg_terminate_backend', withCode('terminating connection', '57P01'), true],
    ['a server starting up', withCode('the database system is starting up', '57P03'), true],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), true],
    ['a dropped socket', new Error('Connection terminated unexpectedly'), true],
    ['a client broken earlier', new Error('Client has encountered a connection error and is not queryable'), true],
    ['one wrapped by Drizzle', new DrizzleQueryError('select 1', [], withCode('x', '08006')), true],
    ['a refused connection on every address', new AggregateError([withCode('x', 'ECONNREFUSED')]), true],
    ['a unique violation', withCode('duplicate key value', '23505'), false],
    ['a serialization failure', withCode('could not serialize access', '40001'), false],
    ['a bug', new TypeError('Cannot read properties of undefined'), false],
    ['not an error', 'Connection terminated', false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isDatabaseUnavailable(err)).toBe(expected);
  });
});
