import { Alert, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminKeys, adminWrites, securitySettingsQuery } from '../../api/accounts';
import { sessionKey } from '../../api/session';
import { SignedInOnly } from '../../accounts/signed-in-only';
import { QueryState } from '../../components/query-state';
import { recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';

/** The registry's security settings: whether every user must use two-factor authentication. */
export function SettingsPage() {
  const t = useT();
  return (
    <SignedInOnly title={t('admin.settings.title')} isForAdministrators>
      {() => <Settings />}
    </SignedInOnly>
  );
}

function Settings() {
  const t = useT();
  const message = useFormMessage();
  const queryClient = useQueryClient();
  const query = useQuery(securitySettingsQuery());
  const update = useMutation({
    mutationFn: (requireTwoFactor: boolean) => adminWrites.updateSecuritySettings({ requireTwoFactor }),
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.security, settings),
    // Whether the signed-in user is now required to use two-factor authentication shows in the session.
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
  return (
    <Stack gap="lg" maw="48rem">
      <Title order={1}>{t('admin.settings.title')}</Title>
      <QueryState query={query}>
        {(settings) => (
          <Stack gap="md">
            <Switch
              label={t('admin.settings.requireTwoFactor')}
              description={t('admin.settings.requireTwoFactorHint')}
              checked={update.isPending ? update.variables : settings.requireTwoFactor}
              disabled={update.isPending}
              onChange={(event) => update.mutate(event.currentTarget.checked)}
            />
            <div aria-live="polite">
              {update.isSuccess && (
                <Text size="sm">
                  {update.data.requireTwoFactor
                    ? t('admin.settings.requiredNow')
                    : t('admin.settings.optionalNow')}
                </Text>
              )}
              {update.isError && (
                <Alert color="red" variant="light" title={t('admin.users.notSaved')}>
                  <Text size="sm">{message(recordErrorMessage(update.error))}</Text>
                </Alert>
              )}
            </div>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
