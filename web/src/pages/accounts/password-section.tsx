import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { PasswordField } from '../../accounts/password-field';
import { useState } from 'react';
import { accountWrites } from '../../api/accounts';
import { FormAlerts } from '../../forms/record-form-layout';
import { useRecordForm } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';

const emptyChange = { currentPassword: '', newPassword: '' };

/** Changing one's password: the current one, then the new one (the server ends the other sessions). */
export function PasswordSection() {
  const t = useT();
  const [isChanged, setIsChanged] = useState(false);
  const form = useRecordForm({
    initialValues: emptyChange,
    labels: { currentPassword: t('account.password.current'), newPassword: t('auth.newPassword') },
    save: (values) => {
      setIsChanged(false);
      return accountWrites.changePassword(values);
    },
    onSaved: () => {
      form.setValues(emptyChange);
      setIsChanged(true);
    },
  });
  return (
    <section aria-labelledby="account-password">
      <Title order={2} size="h3" id="account-password" mb="xs">
        {t('auth.password')}
      </Title>
      <form noValidate onSubmit={form.submit} aria-labelledby="account-password">
        <Stack gap="sm" maw="26rem">
          <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
          <div aria-live="polite">
            {isChanged && (
              <Alert color="green" variant="light">
                <Text size="sm">{t('account.password.changed')}</Text>
              </Alert>
            )}
          </div>
          <PasswordField
            {...form.field('currentPassword')}
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={form.values.currentPassword}
            onChange={(event) => form.set('currentPassword', event.currentTarget.value)}
          />
          <PasswordField
            {...form.field('newPassword')}
            label={t('auth.newPassword')}
            description={t('auth.password.rule')}
            autoComplete="new-password"
            required
            value={form.values.newPassword}
            onChange={(event) => form.set('newPassword', event.currentTarget.value)}
          />
          <div>
            <Button type="submit" variant="light" loading={form.isSaving}>
              {t('account.password.change')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
