import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../accounts/password-field';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accountWrites } from '../../api/accounts';
import { usePageTitle } from '../../components/page-title';
import { FormAlerts } from '../../forms/record-form-layout';
import { useRecordForm } from '../../forms/use-record-form';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/**
 * A forgotten password: without `?token=` the form that asks for a link by mail; with the token of such a
 * link, the form that sets the new password.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <NewPasswordForm token={token} /> : <RequestResetForm />;
}

function RequestResetForm() {
  const t = useT();
  const titleId = useId();
  usePageTitle(t('auth.reset.title'));
  const { locale } = useLocale();
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);
  const form = useRecordForm({
    initialValues: { email: '' },
    labels: { email: t('auth.email') },
    save: async (values) => {
      const email = values.email.trim();
      await accountWrites.requestPasswordReset({ email, language: locale });
      return email;
    },
    onSaved: setSentTo,
  });
  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={titleId}>
      <Stack gap="md" maw="30rem">
        <Title order={1} id={titleId}>
          {t('auth.reset.title')}
        </Title>
        <Text>{t('auth.reset.intro')}</Text>
        <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
        <div aria-live="polite">
          {sentTo !== undefined && (
            <Alert color="green" variant="light" title={t('auth.reset.sentTitle')}>
              <Text size="sm">{t('auth.reset.sent', { email: sentTo })}</Text>
            </Alert>
          )}
        </div>
        <TextInput
          {...form.field('email')}
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={form.values.email}
          onChange={(event) => form.set('email', event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={form.isSaving}>
            {t('auth.reset.send')}
          </Button>
        </div>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.reset.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const t = useT();
  const titleId = useId();
  usePageTitle(t('auth.reset.newTitle'));
  const [isDone, setIsDone] = useState(false);
  const [repeated, setRepeated] = useState('');
  const [repeatError, setRepeatError] = useState<string | undefined>(undefined);
  const form = useRecordForm({
    initialValues: { password: '' },
    labels: { password: t('auth.newPassword') },
    save: (values) => accountWrites.completePasswordReset({ token, password: values.password }),
    onSaved: () => setIsDone(true),
  });
  const isTokenRefused = form.failure?.code === 'auth.token_invalid';

  if (isDone) {
    return (
      <Stack gap="md" maw="30rem">
        <Title order={1}>{t('auth.reset.newTitle')}</Title>
        <Alert color="green" variant="light" title={t('auth.reset.doneTitle')} role="status">
          <Text size="sm">{t('auth.reset.done')}</Text>
        </Alert>
        <Anchor component={Link} to="/sign-in" fw={600}>
          {t('auth.signIn')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (repeated !== form.values.password) {
          setRepeatError(t('auth.password.different'));
          document.getElementById('field-repeated')?.focus();
          return;
        }
        setRepeatError(undefined);
        form.submit(event);
      }}
      aria-labelledby={titleId}
    >
      <Stack gap="md" maw="30rem">
        <Title order={1} id={titleId}>
          {t('auth.reset.newTitle')}
        </Title>
        <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
        {isTokenRefused && (
          <Anchor component={Link} to="/reset-password" size="sm" fw={600}>
            {t('auth.reset.again')}
          </Anchor>
        )}
        <PasswordField
          {...form.field('password')}
          label={t('auth.newPassword')}
          description={t('auth.password.rule')}
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(event) => form.set('password', event.currentTarget.value)}
        />
        <PasswordField
          id="field-repeated"
          label={t('auth.repeatPassword')}
          autoComplete="new-password"
          required
          value={repeated}
          error={repeatError}
          onChange={(event) => setRepeated(event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={form.isSaving}>
            {t('auth.reset.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
