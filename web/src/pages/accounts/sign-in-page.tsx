import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../accounts/password-field';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../accounts/sign-in-link';
import { ApiError } from '../../api/client';
import { useSignIn } from '../../api/session';
import { usePageTitle } from '../../components/page-title';
import { recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/** What went wrong with the last attempt, in the reader's words. */
function useSignInError(): (error: unknown) => string {
  const t = useT();
  const message = useFormMessage();
  return (error) => {
    if (!(error instanceof ApiError)) return message(recordErrorMessage(error));
    switch (error.problem?.code) {
      case 'auth.invalid_credentials':
        return t('auth.signIn.invalidCredentials');
      case 'auth.totp_invalid':
        return t('auth.signIn.codeInvalid');
      case 'auth.throttled':
        return error.retryAfterSeconds === undefined
          ? t('auth.signIn.throttledLater')
          : t('auth.signIn.throttled', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
      default:
        return error.status === 400 ? t('auth.signIn.incomplete') : message(recordErrorMessage(error));
    }
  };
}

/**
 * Signing in: an email address and a password, then, for an account with two-factor authentication, the
 * code of the authenticator app. Afterwards the reader returns to the page they came from (`?next=`).
 */
export function SignInPage() {
  const t = useT();
  usePageTitle(t('auth.signIn.title'));
  const titleId = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const signIn = useSignIn();
  // The mails to this person follow the language they sign in with.
  const { locale } = useLocale();
  const errorText = useSignInError();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [isCodeAsked, setIsCodeAsked] = useState(false);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const error = signIn.error;
  const isCodeRequest = error instanceof ApiError && error.problem?.code === 'auth.totp_required';
  const isCodeError = error instanceof ApiError && error.problem?.code === 'auth.totp_invalid';
  const shownError = error && !isCodeRequest && !isCodeError ? errorText(error) : undefined;

  // After a refusal, move keyboard and screen-reader users to what went wrong (or to the code asked for).
  useEffect(() => {
    if (failedAttempts === 0) return;
    if (isCodeAsked && (isCodeRequest || isCodeError)) codeRef.current?.focus();
    else alertRef.current?.focus();
  }, [failedAttempts, isCodeAsked, isCodeRequest, isCodeError]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      {
        email: email.trim(),
        password,
        language: locale,
        ...(isCodeAsked && code.trim() !== '' ? { totpCode: code.trim() } : {}),
      },
      {
        // A user who must still set up two-factor authentication may change nothing until they do.
        onSuccess: (session) =>
          void navigate(session.user?.twoFactorRequired ? '/account' : next, { replace: true }),
        onError: (failure) => {
          if (failure instanceof ApiError && failure.problem?.code === 'auth.totp_required')
            setIsCodeAsked(true);
          setFailedAttempts((count) => count + 1);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId}>
      <Stack gap="md" maw="26rem">
        <Title order={1} id={titleId}>
          {t('auth.signIn.title')}
        </Title>
        <div ref={alertRef} tabIndex={-1} aria-live="assertive" className="form-alerts">
          {shownError !== undefined && (
            <Alert color="red" variant="light" title={t('auth.signIn.failed')}>
              <Text size="sm">{shownError}</Text>
            </Alert>
          )}
        </div>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          readOnly={isCodeAsked}
        />
        <PasswordField
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          readOnly={isCodeAsked}
        />
        {isCodeAsked && (
          <TextInput
            ref={codeRef}
            label={t('auth.signIn.code')}
            description={t('auth.signIn.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={10}
            w="12rem"
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={isCodeError ? errorText(error) : undefined}
          />
        )}
        <div>
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
        </div>
        <Stack gap={4}>
          {isCodeAsked && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => {
                setIsCodeAsked(false);
                setCode('');
                signIn.reset();
              }}
            >
              {t('auth.signIn.otherAccount')}
            </Anchor>
          )}
          <Anchor component={Link} to="/reset-password" size="sm">
            {t('auth.signIn.forgotPassword')}
          </Anchor>
        </Stack>
      </Stack>
    </form>
  );
}
