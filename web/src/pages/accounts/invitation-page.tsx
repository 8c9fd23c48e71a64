import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../accounts/password-field';
import { useId } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAcceptInvitation } from '../../api/session';
import { usePageTitle } from '../../components/page-title';
import { FormAlerts } from '../../forms/record-form-layout';
import { useRecordForm } from '../../forms/use-record-form';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/**
 * Accepting an invitation (the link of the invitation mail, `?token=`): the new user chooses the name
 * others see and a password, and is signed in.
 */
export function InvitationPage() {
  const t = useT();
  const titleId = useId();
  usePageTitle(t('auth.invitation.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useAcceptInvitation();
  const { locale } = useLocale();
  const form = useRecordForm({
    initialValues: { displayName: '', password: '' },
    labels: { displayName: t('auth.displayName'), password: t('auth.newPassword') },
    save: (values) =>
      accept.mutateAsync({
        token,
        displayName: values.displayName.trim(),
        password: values.password,
        language: locale,
      }),
    onSaved: () => navigate('/account', { replace: true }),
  });

  if (token === '') {
    return (
      <Stack gap="md" maw="30rem">
        <Title order={1}>{t('auth.invitation.title')}</Title>
        <Alert color="red" variant="light" title={t('auth.problem.tokenMissingTitle')}>
          <Text size="sm">{t('auth.problem.tokenMissing')}</Text>
        </Alert>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={titleId}>
      <Stack gap="md" maw="30rem">
        <Title order={1} id={titleId}>
          {t('auth.invitation.title')}
        </Title>
        <Text>{t('auth.invitation.intro')}</Text>
        <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
        {form.failure?.code === 'auth.token_invalid' && (
          <Text size="sm">{t('auth.invitation.askAgain')}</Text>
        )}
        <TextInput
          {...form.field('displayName')}
          label={t('auth.displayName')}
          description={t('auth.displayName.hint')}
          autoComplete="name"
          required
          value={form.values.displayName}
          onChange={(event) => form.set('displayName', event.currentTarget.value)}
        />
        <PasswordField
          {...form.field('password')}
          label={t('auth.newPassword')}
          description={t('auth.password.rule')}
          autoComplete="new-password"
          required
          value={form.values.password}
          onChange={(event) => form.set('password', event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={form.isSaving}>
            {t('auth.invitation.accept')}
          </Button>
        </div>
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('auth.invitation.haveAccount')}
        </Anchor>
      </Stack>
    </form>
  );
}
