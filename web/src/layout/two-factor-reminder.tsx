import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useSession } from '../accounts/use-session';
import { useT } from '../i18n/use-t';

/**
 * Tells a signed-in user whose administrators require two-factor authentication, and who has not set it
 * up, where to do so (everywhere but on the account page itself, where the setup is).
 */
export function TwoFactorReminder() {
  const t = useT();
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!user || !user.twoFactorRequired || user.twoFactorEnabled || pathname === '/account') return null;
  return (
    <Alert color="yellow" variant="light" title={t('account.twoFactor.requiredTitle')} mb="lg">
      <Text size="sm">
        {t('account.twoFactor.requiredText')}{' '}
        <Anchor component={Link} to="/account" size="sm" fw={600}>
          {t('account.twoFactor.setUpLink')}
        </Anchor>
      </Text>
    </Alert>
  );
}
