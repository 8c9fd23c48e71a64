import { Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/use-t';

/** The sign-in page's address, coming back to `next` (a path of this site) afterwards. */
export function signInPath(next: string): string {
  return next === '/' || next.startsWith('/sign-in')
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Where to go after signing in: a path of this site, never another site (`//evil.example`). */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/';
}

/** A link to sign in and come back to the page the reader is on. */
export function SignInLink({ size }: { size?: 'sm' | 'md' }) {
  const t = useT();
  const location = useLocation();
  return (
    <Anchor component={Link} to={signInPath(location.pathname + location.search)} size={size} fw={600}>
      {t('auth.signIn')}
    </Anchor>
  );
}
