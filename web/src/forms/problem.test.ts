import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorsByPath, fieldErrorMessage, formPath, isVersionConflict, recordErrorMessage } from './problem';

const problem = (status: number, code: string, errors?: { field: string; code: string; message: string }[]) =>
  new ApiError(status, {
    type: `urn:pobratim:problem:${code}`,
    title: 'Error',
    status,
    detail: 'The server said no.',
    code,
    ...(errors ? { errors } : {}),
  });

describe('form errors from problem details', () => {
  it('places a body field error at the form path of the field', () => {
    expect(formPath('body.since')).toBe('since');
    expect(formPath('body.partners.1.budget')).toBe('partners.1.budget');
    expect(formPath('body')).toBe('');
  });

  it('keeps the most specific of the errors AJV gives a nullable field', () => {
    const errors = errorsByPath([
      { field: 'body.signedOn', code: 'validation.pattern', message: 'must match pattern' },
      { field: 'body.signedOn', code: 'validation.type', message: 'must be null' },
      { field: 'body.signedOn', code: 'validation.anyOf', message: 'must match a schema in anyOf' },
      {
        field: 'body.organisationBId',
        code: 'validation.required',
        message: '"organisationBId" is required.',
      },
    ]);
    expect([...errors.keys()]).toEqual(['signedOn', 'organisationBId']);
    expect(errors.get('signedOn')?.code).toBe('validation.pattern');
  });

  it('prefers a specific error that arrives after a vague one', () => {
    const errors = errorsByPath([
      { field: 'body.until', code: 'validation.anyOf', message: 'anyOf' },
      { field: 'body.until', code: 'validation.pattern', message: 'pattern' },
    ]);
    expect(errors.get('until')?.code).toBe('validation.pattern');
  });

  it('words a malformed date with the form a date takes', () => {
    expect(
      fieldErrorMessage({ field: 'body.partners.0.budget', code: 'validation.pattern', message: '' }),
    ).toEqual({ id: 'form.hint.amount' });
    expect(fieldErrorMessage({ field: 'body.since', code: 'validation.pattern', message: '' })).toEqual({
      id: 'form.hint.date',
    });
  });

  it('asks to choose from the list when a picker was left empty', () => {
    expect(
      fieldErrorMessage({ field: 'body.organisationBId', code: 'validation.required', message: '' }),
    ).toEqual({ id: 'form.hint.choose' });
    expect(fieldErrorMessage({ field: 'body.programme', code: 'validation.required', message: '' })).toEqual({
      id: 'form.error.required',
    });
  });

  it('words the registry’s rules by their codes', () => {
    expect(
      fieldErrorMessage({ field: 'body.endedOn', code: 'date.end_before_start', message: 'ends before' }),
    ).toEqual({ id: 'form.error.endBeforeStart' });
    expect(
      fieldErrorMessage({ field: 'body.organisationBId', code: 'partnership.self', message: 'itself' }),
    ).toEqual({ id: 'form.error.partnershipSelf' });
  });

  it('asks for a title when a translatable title has no language at all', () => {
    expect(fieldErrorMessage({ field: 'body.title', code: 'validation.minProperties', message: '' })).toEqual(
      {
        id: 'form.error.titleRequired',
      },
    );
  });

  it('shows the server’s words for a code the catalogue does not know', () => {
    expect(fieldErrorMessage({ field: 'body.x', code: 'something.new', message: 'New rule.' })).toEqual({
      text: 'New rule.',
    });
  });

  it('recognises a stale version by its code, not by the status alone', () => {
    expect(isVersionConflict(problem(409, 'partnership.version_conflict'))).toBe(true);
    expect(isVersionConflict(problem(409, 'partnership.duplicate'))).toBe(false);
    expect(isVersionConflict(new Error('offline'))).toBe(false);
  });

  it('words a refusal of the whole record, or a network failure', () => {
    expect(recordErrorMessage(problem(409, 'partnership.duplicate'))).toEqual({
      id: 'form.error.partnershipDuplicate',
    });
    expect(recordErrorMessage(problem(404, 'partnership.not_found'))).toEqual({ id: 'form.error.notFound' });
    expect(recordErrorMessage(problem(500, 'server.internal_error'))).toEqual({
      text: 'The server said no.',
    });
    expect(recordErrorMessage(new TypeError('Failed to fetch'))).toEqual({ id: 'common.networkError' });
  });

  it('asks a visitor to sign in, and tells a user without the right so', () => {
    expect(recordErrorMessage(problem(401, 'auth.required'))).toEqual({ id: 'auth.required.text' });
    expect(recordErrorMessage(problem(403, 'access.denied'))).toEqual({ id: 'auth.denied.text' });
    expect(recordErrorMessage(problem(403, 'auth.csrf_invalid'))).toEqual({ id: 'auth.problem.csrf' });
  });
});
