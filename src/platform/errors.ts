import type { FieldError } from '../domain/field-error.js';

export type { FieldError };

/**
 * The one error type of the application. Services throw it with a stable, namespaced code
 * (`partnership.not_found`); the HTTP layer turns it into `application/problem+json`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Whether a value is an {@link AppError}. */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** 404 for a record that does not exist. */
export function notFound(entity: string, id: string): AppError {
  return new AppError(`${entity}.not_found`, 404, `No ${entity} with id "${id}".`);
}

/** 409 for a write based on a version that is no longer current. */
export function staleVersion(entity: string, expected: number, current: number): AppError {
  return new AppError(
    `${entity}.version_conflict`,
    409,
    `The ${entity} was changed by someone else (your version ${expected}, current ${current}). Reload it and apply your change again.`,
  );
}

/** 400 (or 422-like rule failures, kept at 400 for clients' simplicity) for input that breaks rules. */
export function invalidInput(code: string, fieldErrors: FieldError[], message?: string): AppError {
  return new AppError(code, 400, message ?? fieldErrors.map((error) => error.message).join(' '), fieldErrors);
}

/** Throws the collected rule failures, if there are any. */
export function assertNoFieldErrors(entity: string, fieldErrors: FieldError[]): void {
  if (fieldErrors.length === 0) return;
  const code = fieldErrors.length === 1 ? fieldErrors[0]!.code : `${entity}.invalid`;
  throw invalidInput(code, fieldErrors);
}
