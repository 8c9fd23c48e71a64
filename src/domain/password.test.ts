import { describe, expect, it } from 'vitest';
import { checkPassword, normaliseEmail } from './password.js';

describe('password rules', () => {
  it('accepts a long passphrase and refuses a short one, counting characters rather than bytes', () => {
    expect(checkPassword('correct horse battery', { field: 'body.password' })).toEqual([]);
    expect(checkPassword('šđčćžšđčćžš', { field: 'body.password' })).toMatchObject([
      { field: 'body.password', code: 'auth.password_too_short' },
    ]);
    expect(checkPassword('šđčćžšđčćžšđ', { field: 'body.password' })).toEqual([]);
  });

  it('refuses an overlong password and the account email as password', () => {
    expect(checkPassword('x'.repeat(513), { field: 'body.password' })[0]?.code).toBe(
      'auth.password_too_long',
    );
    expect(
      checkPassword(' Ana.Anic@Example.org', { field: 'body.newPassword', email: 'ana.anic@example.org' }),
    ).toMatchObject([{ field: 'body.newPassword', code: 'auth.password_is_email' }]);
  });

  it('normalises emails for comparison', () => {
    expect(normaliseEmail('  Ana@Example.ORG ')).toBe('ana@example.org');
  });
});
