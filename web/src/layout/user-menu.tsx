import { Button } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { signInPath } from '../accounts/sign-in-link';
import { useSession } from '../accounts/use-session';
import { useT } from '../i18n/use-t';

const AccountMenu = lazy(async () => ({ default: (await import('./account-menu')).AccountMenu }));

/**
 * The header's account control: "Sign in" for a visitor (back to this page afterwards); for a signed-in
 * user the account menu, loaded when first needed.
 */
export function UserMenu() {
  const t = useT();
  const location = useLocation();
  const { user, isLoading } = useSession();
  if (isLoading) return null;
  if (user === null) {
    return (
      <Button
        component={Link}
        to={signInPath(location.pathname + location.search)}
        variant="default"
        size="xs"
      >
        {t('auth.signIn')}
      </Button>
    );
  }
  return (
    <Suspense
      fallback={
        <Button variant="default" size="xs" disabled>
          {user.displayName || user.email}
        </Button>
      }
    >
      <AccountMenu user={user} />
    </Suspense>
  );
}
