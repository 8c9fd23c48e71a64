import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { SignedInOnly } from '../../accounts/signed-in-only';
import type { SessionUser } from '../../api/session';
import { Facts } from '../../components/facts';
import { EmptyState } from '../../components/query-state';
import { useT } from '../../i18n/use-t';
import { PasswordSection } from './password-section';
import { TwoFactorSection } from './two-factor-section';
import { useRoleLabel } from './role-label';

/** The signed-in user's own account: who they are, what they may do, their password and two-factor authentication. */
export function AccountPage() {
  const t = useT();
  return <SignedInOnly title={t('account.title')}>{(user) => <Account user={user} />}</SignedInOnly>;
}

function Account({ user }: { user: SessionUser }) {
  const t = useT();
  const roleLabel = useRoleLabel();
  return (
    <Stack gap="xl" maw="48rem">
      <Title order={1}>{t('account.title')}</Title>
      <Facts
        items={[
          { label: t('auth.displayName'), value: user.displayName },
          { label: t('auth.email'), value: user.email },
          { label: t('account.administrator'), value: user.admin ? t('common.yes') : undefined },
        ]}
      />
      <section aria-labelledby="account-roles">
        <Title order={2} size="h3" id="account-roles" mb="xs">
          {t('account.roles')}
        </Title>
        {user.grants.length === 0 ? (
          <EmptyState>{user.admin ? t('account.roles.administrator') : t('account.roles.none')}</EmptyState>
        ) : (
          <List>
            {user.grants.map((grant) => (
              <List.Item key={`${grant.organisationId}:${grant.role}`}>
                <Anchor component={Link} to={`/organisations/${grant.organisation.slug}`}>
                  {grant.organisation.name}
                </Anchor>
                <Text span>
                  {': '}
                  {roleLabel(grant.role)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </section>
      <PasswordSection />
      <TwoFactorSection user={user} />
    </Stack>
  );
}
