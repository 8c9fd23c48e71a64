import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { SignInLink } from '../accounts/sign-in-link';
import { usePageTitle } from '../components/page-title';
import { useT } from '../i18n/use-t';
import { fieldId, useFormMessage, type RecordForm } from './use-record-form';
import { recordErrorMessage } from './problem';

/** Moves focus to the input of a field, or of the nearest enclosing field (`names.2.language` → `names`). */
function focusField(path: string): void {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const element = document.getElementById(fieldId(segments.slice(0, length).join('.')));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/**
 * The announcements at the top of a form, in one live region that takes focus after a failed save: the
 * fields to correct (each a link to its field), a refusal of the whole record, or a version conflict with
 * the way to reload the latest version without losing what was typed.
 */
export function FormAlerts<V extends object>({
  form,
  failureTitle,
}: {
  form: RecordForm<V>;
  /** The heading of a refusal, for forms that do not save a record ("The record was not saved"). */
  failureTitle?: string;
}) {
  const t = useT();
  const message = useFormMessage();
  const { failure, conflict, failedAttempts } = form;
  const alertsRef = useRef<HTMLDivElement>(null);
  // After a failed save, move keyboard and screen-reader users to what went wrong.
  useEffect(() => {
    if (failedAttempts > 0) alertsRef.current?.focus();
  }, [failedAttempts]);
  const fieldList = (keys: string[]) => keys.map((key) => form.labelOf(key) ?? key).join(', ');
  return (
    <div ref={alertsRef} tabIndex={-1} aria-live="assertive" className="form-alerts">
      <Stack gap="sm">
        {conflict && !conflict.isReloaded && (
          <Alert color="red" variant="light" title={t('form.conflict.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('form.conflict.text')}</Text>
              {form.canReload && (
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  loading={form.isReloading}
                  onClick={() => void form.reload()}
                >
                  {t('form.conflict.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {conflict?.isReloaded && (
          <Alert color="blue" variant="light" title={t('form.conflict.reloadedTitle')}>
            <Stack gap={4}>
              {conflict.adopted.length > 0 && (
                <Text size="sm">{t('form.conflict.adopted', { fields: fieldList(conflict.adopted) })}</Text>
              )}
              {conflict.kept.length > 0 && (
                <Text size="sm">{t('form.conflict.kept', { fields: fieldList(conflict.kept) })}</Text>
              )}
              {conflict.adopted.length === 0 && conflict.kept.length === 0 && (
                <Text size="sm">{t('form.conflict.unchanged')}</Text>
              )}
              <Text size="sm">{t('form.conflict.saveAgain')}</Text>
            </Stack>
          </Alert>
        )}
        {form.reloadFailure !== undefined && (
          <Alert color="red" variant="light" title={t('common.error')}>
            <Text size="sm">{message(recordErrorMessage(form.reloadFailure))}</Text>
          </Alert>
        )}
        {failure && (
          <Alert color="red" variant="light" title={failureTitle ?? t('form.failure.title')}>
            {failure.message !== undefined ? (
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{failure.message}</Text>
                {failure.isSignInNeeded && <SignInLink size="sm" />}
              </Stack>
            ) : (
              <>
                <Text size="sm">{t('form.failure.count', { count: failure.errors.length })}</Text>
                <List size="sm" mt={4}>
                  {failure.errors.map((error) => (
                    <List.Item key={error.path}>
                      <Anchor
                        href={`#${fieldId(error.path)}`}
                        size="sm"
                        c="red.9"
                        onClick={(event) => {
                          event.preventDefault();
                          focusField(error.path);
                        }}
                      >
                        {error.label ? `${error.label}: ${error.message}` : error.message}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
      </Stack>
    </div>
  );
}

interface RecordFormLayoutProps<V extends object> {
  form: RecordForm<V>;
  title: string;
  /** Where Cancel leads: the record's page, or the list. */
  cancelTo: string;
  children: ReactNode;
  /** More buttons after Save and Cancel (Delete, when editing). */
  actions?: ReactNode;
}

/** A record's create or edit page: the heading, the announcements, the fields, and Save and Cancel. */
export function RecordFormLayout<V extends object>({
  form,
  title,
  cancelTo,
  children,
  actions,
}: RecordFormLayoutProps<V>) {
  const t = useT();
  const titleId = useId();
  usePageTitle(title);
  return (
    <form noValidate onSubmit={form.submit} aria-labelledby={titleId}>
      <Stack gap="lg" maw="60rem">
        <Title order={1} id={titleId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('form.requiredNote')}
        </Text>
        <FormAlerts form={form} />
        {children}
        <Group gap="sm">
          <Button type="submit" loading={form.isSaving}>
            {t('form.save')}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t('form.cancel')}
          </Button>
          {actions}
        </Group>
      </Stack>
    </form>
  );
}
