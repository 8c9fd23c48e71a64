import { Alert, Button, Code, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountWrites } from '../../api/accounts';
import { ApiError } from '../../api/client';
import { useRefreshSession, type SessionUser } from '../../api/session';
import { recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';

/** The words for a refused code, or for another failure. */
function useCodeError(): (error: unknown) => string | undefined {
  const t = useT();
  const message = useFormMessage();
  return (error) => {
    if (error === null || error === undefined) return undefined;
    if (error instanceof ApiError && /totp|code/.test(error.problem?.code ?? '')) {
      return t('auth.signIn.codeInvalid');
    }
    return message(recordErrorMessage(error));
  };
}

/**
 * Two-factor authentication (a time-based code from an authenticator app): setting it up shows the key and
 * its `otpauth://` address as text to copy into the app, then asks for a code to confirm the app works;
 * turning it off asks for a current code too.
 */
export function TwoFactorSection({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <section aria-labelledby="account-two-factor">
      <Title order={2} size="h3" id="account-two-factor" mb="xs">
        {t('account.twoFactor.title')}
      </Title>
      {user.twoFactorEnabled ? <DisableTwoFactor user={user} /> : <EnrolTwoFactor user={user} />}
    </section>
  );
}

function EnrolTwoFactor({ user }: { user: SessionUser }) {
  const t = useT();
  const codeError = useCodeError();
  const refreshSession = useRefreshSession();
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: accountWrites.startTwoFactor });
  const confirm = useMutation({
    mutationFn: (value: string) => accountWrites.confirmTwoFactor({ code: value }),
    onSuccess: refreshSession,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim());
  };
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{user.twoFactorRequired ? t('account.twoFactor.offRequired') : t('account.twoFactor.off')}</Text>
      {start.data === undefined ? (
        <>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {t('account.twoFactor.start')}
          </Button>
          {start.isError && (
            <Alert color="red" variant="light" title={t('common.error')} role="alert">
              <Text size="sm">{codeError(start.error)}</Text>
            </Alert>
          )}
        </>
      ) : (
        <form noValidate onSubmit={submit} style={{ width: '100%' }}>
          <Stack gap="sm">
            <Text>{t('account.twoFactor.instructions')}</Text>
            <div>
              <Text fw={600}>{t('account.twoFactor.secret')}</Text>
              <Code block className="secret-text">
                {start.data.secret}
              </Code>
            </div>
            <div>
              <Text fw={600}>{t('account.twoFactor.uri')}</Text>
              <Code block className="secret-text">
                {start.data.otpauthUrl}
              </Code>
            </div>
            <TextInput
              label={t('auth.signIn.code')}
              description={t('account.twoFactor.confirmHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={10}
              w="12rem"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={codeError(confirm.error)}
            />
            <Group>
              <Button type="submit" loading={confirm.isPending}>
                {t('account.twoFactor.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function DisableTwoFactor({ user }: { user: SessionUser }) {
  const t = useT();
  const codeError = useCodeError();
  const refreshSession = useRefreshSession();
  const [code, setCode] = useState('');
  const disable = useMutation({
    mutationFn: (value: string) => accountWrites.disableTwoFactor({ code: value }),
    onSuccess: refreshSession,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(code.trim());
  };
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm" align="flex-start">
        <Alert color="green" variant="light" role="status">
          <Text size="sm">{t('account.twoFactor.on')}</Text>
        </Alert>
        {user.twoFactorRequired && <Text size="sm">{t('account.twoFactor.onRequired')}</Text>}
        <TextInput
          label={t('auth.signIn.code')}
          description={t('account.twoFactor.disableHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={10}
          w="12rem"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={codeError(disable.error)}
        />
        <Button type="submit" variant="outline" color="red.9" loading={disable.isPending}>
          {t('account.twoFactor.disable')}
        </Button>
      </Stack>
    </form>
  );
}
