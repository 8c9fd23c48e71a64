import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionUser } from '../api/session';
import { usePageTitle } from '../components/page-title';
import { PageLoading } from '../components/query-state';
import { useT } from '../i18n/use-t';
import { SignInLink } from './sign-in-link';
import { useSession } from './use-session';

interface SignedInOnlyProps {
  /**
   * The page's title (the browser tab's too: the page inside does not set it), shown also to those who may
   * not see the page, so they know where they are.
   */
  title: string;
  /** Only administrators may see the page. */
  isForAdministrators?: boolean;
  children: (user: SessionUser) => ReactNode;
}

/**
 * A page for signed-in users (or administrators) only: a visitor is offered to sign in and come back, a
 * user without the right is told so. The server refuses the page's data to them anyway.
 */
export function SignedInOnly({ title, isForAdministrators = false, children }: SignedInOnlyProps) {
  const t = useT();
  const { user, isLoading } = useSession();
  usePageTitle(title);
  if (isLoading) return <PageLoading />;
  if (user === null) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <Alert color="blue" variant="light" title={t('auth.required.title')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('auth.required.text')}</Text>
            <SignInLink size="sm" />
          </Stack>
        </Alert>
      </Stack>
    );
  }
  if (isForAdministrators && !user.admin) {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <Alert color="red" variant="light" title={t('auth.denied.title')}>
          <Text size="sm">{t('auth.denied.administrators')}</Text>
        </Alert>
      </Stack>
    );
  }
  return <>{children(user)}</>;
}
