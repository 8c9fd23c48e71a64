import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.js';
import { drainInsteadOfClosing, fastifyErrorProblems } from './request-limits.js';
import type { ProblemBody } from './schemas.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The problem type URI of a code: each code is documented at /api/docs. */
function problemType(code: string): string {
  return `urn:pobratim:problem:${code}`;
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Turns AJV's errors into field errors that name the field, e.g. `body.since`. */
function toFieldErrors(part: string, errors: AjvError[]): FieldError[] {
  // An `if` error only says that its `then` failed, whose own errors are listed (see guardArrays).
  return errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      const segments = error.instancePath.split('/').filter(Boolean);
      if (error.keyword === 'additionalProperties') {
        const extra = String(error.params.additionalProperty);
        return {
          field: [part, ...segments, extra].join('.'),
          code: 'validation.unknown_field',
          message: `Unknown field "${extra}".`,
        };
      }
      if (error.keyword === 'required') {
        const missing = String(error.params.missingProperty);
        return {
          field: [part, ...segments, missing].join('.'),
          code: 'validation.required',
          message: `"${missing}" is required.`,
        };
      }
      const field = [part, ...segments].join('.');
      return {
        field,
        code: `validation.${error.keyword}`,
        message: `${field} ${error.message ?? 'is invalid'}.`,
      };
    });
}

/** At most this many field errors are listed: a 100,000-item array of wrong items is one mistake. */
const maxFieldErrors = 50;

/**
 * PostgreSQL errors that are the client's fault become 400 or 409 rather than 500. The schemas bound
 * what they can (integers to PostgreSQL's ranges); these catch what reaches the database all the same.
 */
function fromDatabaseError(error: {
  code?: string;
  constraint?: string;
  detail?: string;
}): AppError | undefined {
  switch (error.code) {
    // numeric_value_out_of_range: a number past the column's range (integer, bigint).
    case '22003':
      return new AppError('record.value_out_of_range', 400, 'A number is out of range.');
    // string_data_right_truncation: text longer than the column.
    case '22001':
      return new AppError('record.value_too_long', 400, 'A value is too long.');
    // character_not_in_repertoire, untranslatable_character: a NUL character, which text cannot hold.
    case '22021':
    case '22P05':
      return new AppError(
        'record.value_invalid',
        400,
        'A value holds a character that cannot be stored (NUL).',
      );
    case '23505':
      return new AppError(
        'record.duplicate',
        409,
        `A record with the same unique value already exists (${error.constraint ?? 'unique'}).`,
      );
    case '23503':
      return new AppError('record.reference_invalid', 400, 'A referenced record does not exist.');
    case '23514':
      return new AppError(
        'record.constraint_violated',
        400,
        `The record breaks a rule of the registry (${error.constraint ?? 'check'}).`,
      );
    case '22P02':
      return new AppError('record.value_invalid', 400, 'A value has the wrong form.');
    default:
      return undefined;
  }
}

function send(reply: FastifyReply, request: FastifyRequest, problem: ProblemBody): FastifyReply {
  return reply
    .status(problem.status)
    .type('application/problem+json')
    .send({ ...problem, instance: request.url });
}

function fromAppError(error: AppError): ProblemBody {
  return {
    type: problemType(error.code),
    title: titles[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
  };
}

/** Fastify's and Node's errors (and anything unexpected: 500, logged). */
function fromFastifyError(error: FastifyError, request: FastifyRequest): ProblemBody {
  const known = fastifyErrorProblems[error.code];
  if (known) return fromAppError(new AppError(known.code, known.status, known.detail ?? error.message));
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  const code =
    status === 500 ? 'server.internal_error' : `request.${(error.code ?? 'invalid').toLowerCase()}`;
  const detail = status === 500 ? 'Something went wrong on our side. The error was logged.' : error.message;
  return fromAppError(new AppError(code, status, detail));
}

/**
 * Fastify's `frameworkErrors` option: errors met while routing, before any hook (a URL that is not
 * validly percent-encoded, a path segment longer than the router takes), answered as problem details.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // No hook runs for these answers: name the request here, as the server's onSend hook does elsewhere.
  void send(reply.header('x-request-id', request.id), request, fromFastifyError(error, request));
}

/** Installs RFC 9457 problem details as the answer to every error and to unknown routes. */
export function installProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
      if (error instanceof AppError) return send(reply, request, fromAppError(error));

      if (error.validation) {
        const part = error.validationContext ?? 'body';
        const allErrors = toFieldErrors(part, error.validation);
        const fieldErrors = allErrors.slice(0, maxFieldErrors);
        const code = allErrors.every((item) => item.code === 'validation.unknown_field')
          ? 'validation.unknown_field'
          : 'validation.failed';
        const more = allErrors.length - fieldErrors.length;
        const detail =
          fieldErrors.map((item) => item.message).join(' ') + (more > 0 ? ` And ${more} more.` : '');
        return send(reply, request, fromAppError(new AppError(code, 400, detail, fieldErrors)));
      }

      const fromDatabase = fromDatabaseError(error as { code?: string });
      if (fromDatabase) return send(reply, request, fromAppError(fromDatabase));

      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') drainInsteadOfClosing(request, reply);
      return send(reply, request, fromFastifyError(error, request));
    },
  );

  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      fromAppError(new AppError('route.not_found', 404, `No route ${request.method} ${request.url}.`)),
    ),
  );
}
