import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorBody, ErrorCode, fieldErrorCodes } from '@touchline/contract';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  unauthorized: 401,
  invalid_token: 401,
  invalid_credentials: 401,
  invalid_init_data: 401,
  init_data_expired: 401,
  unknown_subscription: 401,
  forbidden: 403,
  not_a_fan: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  comment_rate_limited: 429,
  too_many_connections: 429,
  not_ready: 503,
  server_busy: 503,
  unavailable: 503,
};
const conflictCodes = new Set<ErrorCode>([
  'seq_conflict',
  'match_not_live',
  'match_finished',
  'correction_window_closed',
  'penalty_not_available',
  'penalty_requires_draw',
  'shootout_level',
  'shootout_only_in_penalties',
  'shootout_undecided',
  'shootout_decided',
  'shootout_out_of_turn',
  'tie_undecided',
  'extra_time_not_available',
  'extra_time_requires_draw',
  'extra_time_required',
  'status_transition_invalid',
  'period_transition_invalid',
  'player_suspended',
  'lineup_locked',
  'motm_closed',
  'motm_already_voted',
  'login_taken',
  'shirt_number_taken',
  'duplicate_player',
  'conflict',
  'in_use',
  'not_a_participant',
  'not_enough_clubs',
  'fixtures_exist',
  'playoffs_exist',
  'standings_not_final',
  'installation_not_empty',
  'prediction_closed',
]);

export function statusFor(code: ErrorCode): number {
  return statusByCode[code] ?? (conflictCodes.has(code) ? 409 : 400);
}

/** A refusal the client can act on; everything else that escapes is a bug (500). */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = statusFor(code);
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: Record<string, unknown>): ErrorBody => ({
  error: details ? { code, message, details } : { code, message },
});

const isIdField = (field: string) => field === 'id' || /Ids?$/.test(field);

/** The code for a failed field (docs/protocol.md §1): ids are `invalid_id`, minutes `invalid_minute`, and so on. */
function validationCode(context: string | undefined, paths: string[]): ErrorCode {
  for (const p of paths) {
    const field = p
      .split('/')
      .filter((s) => s && !/^\d+$/.test(s))
      .at(-1);
    if (!field) continue;
    const code = fieldErrorCodes[field] ?? (isIdField(field) ? 'invalid_id' : undefined);
    if (code) return code;
  }
  return context === 'params' ? 'invalid_id' : 'bad_request';
}

/** The code a schema names on one of its issues (`params: { code }` of a refinement), such as `control_characters`. */
function namedCode(issues: { params: Record<string, unknown> }[]): ErrorCode | undefined {
  for (const { params } of issues) {
    const code = (params.params as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && code in ErrorCode) return code as ErrorCode;
  }
  return undefined;
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.status).send(errorBody(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const paths = err.validation.map((v) => v.instancePath);
      const code = namedCode(err.validation) ?? validationCode(err.validationContext, paths);
      const issues = err.validation.slice(0, 10).map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.code(400).send(errorBody(code, `Invalid ${err.validationContext ?? 'input'}`, { issues }));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(errorBody('payload_too_large', 'Body too large'));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code: ErrorCode =
        err.statusCode === 429 ? 'rate_limited' : err.statusCode === 404 ? 'not_found' : 'bad_request';
      return reply.code(err.statusCode).send(errorBody(code, err.message));
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: err.message }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '1')
        .send(errorBody('unavailable', 'The database is unavailable; try again in a moment'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', 'Internal error'));
  });
}

/**
 * Errors Fastify raises before a route is found (a URL that does not decode, a path parameter over the length
 * limit). Without this they bypass the error handler and answer in Fastify's own shape.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send(errorBody('bad_request', err.message));
  }
  req.log.error({ err }, 'unhandled framework error');
  return reply.code(500).send(errorBody('internal_error', 'Internal error'));
}
