import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../errors.js';
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
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Turns AJV's errors into field errors that name the field, e.g. `body.since`. */
function toFieldErrors(part: string, errors: AjvError[]): FieldError[] {
  return errors.map((error) => {
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

/** PostgreSQL errors that are the client's fault become 400 or 409 rather than 500. */
function fromDatabaseError(error: {
  code?: string;
  constraint?: string;
  detail?: string;
}): AppError | undefined {
  switch (error.code) {
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

/** Installs RFC 9457 problem details as the answer to every error and to unknown routes. */
export function installProblemDetails(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
      if (error instanceof AppError) return send(reply, request, fromAppError(error));

      if (error.validation) {
        const part = error.validationContext ?? 'body';
        const fieldErrors = toFieldErrors(part, error.validation);
        const code = fieldErrors.every((item) => item.code === 'validation.unknown_field')
          ? 'validation.unknown_field'
          : 'validation.failed';
        return send(
          reply,
          request,
          fromAppError(
            new AppError(code, 400, fieldErrors.map((item) => item.message).join(' '), fieldErrors),
          ),
        );
      }

      const fromDatabase = fromDatabaseError(error as { code?: string });
      if (fromDatabase) return send(reply, request, fromAppError(fromDatabase));

      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'unhandled error');
      const code =
        status === 500 ? 'server.internal_error' : `request.${(error.code ?? 'invalid').toLowerCase()}`;
      const detail =
        status === 500 ? 'Something went wrong on our side. The error was logged.' : error.message;
      return send(reply, request, fromAppError(new AppError(code, status, detail)));
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
