import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { adminWrites } from '../../api/accounts';
import { FormAlerts } from '../../forms/record-form-layout';
import { useRecordForm } from '../../forms/use-record-form';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { isLocale, type Locale } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { LocaleOptions } from '../../layout/locale-switcher';
import { GrantsInput, grantsOf, type GrantRow } from './grants-input';

interface InvitationValues {
  email: string;
  admin: boolean;
  grants: GrantRow[];
  /** The language of the invitation mail, and of the invitee's mails until they choose their own. */
  language: Locale;
}

/**
 * "Invite a user": a dialog asking for the email address, the administrator flag, the roles and the
 * language of the invitation (the inviter's by default); the server
 * mails the invitation link (to the outbox when no mail server is configured).
 */
export function InviteUserButton({ onInvited }: { onInvited: (notice: string) => void }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open}>{t('admin.invite.open')}</Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('admin.invite.title')}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        size="xl"
      >
        {opened && (
          <InviteForm
            onCancel={close}
            onInvited={(notice) => {
              close();
              onInvited(notice);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function InviteForm({ onCancel, onInvited }: { onCancel: () => void; onInvited: (notice: string) => void }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const form = useRecordForm({
    initialValues: { email: '', admin: false, grants: [], language: locale } as InvitationValues,
    labels: {
      email: t('auth.email'),
      language: t('admin.invite.language'),
      admin: t('account.administrator'),
      grants: t('admin.grants.legend'),
      'grants.organisationId': t('admin.grants.organisationLabel'),
      'grants.role': t('admin.grants.roleLabel'),
    },
    save: (values) =>
      adminWrites.invite({
        email: values.email.trim(),
        admin: values.admin,
        grants: grantsOf(values.grants),
        language: values.language,
      }),
    onSaved: (invitation) =>
      onInvited(
        t('admin.invite.sent', { email: invitation.email, date: format.timestamp(invitation.expiresAt) }),
      ),
  });
  return (
    <form noValidate onSubmit={form.submit}>
      <Stack gap="md">
        <FormAlerts form={form} failureTitle={t('admin.users.notSaved')} />
        <TextInput
          {...form.field('email')}
          label={t('auth.email')}
          type="email"
          autoComplete="off"
          required
          value={form.values.email}
          onChange={(event) => form.set('email', event.currentTarget.value)}
          data-autofocus
        />
        <Checkbox
          {...form.field('admin')}
          label={t('admin.invite.admin')}
          checked={form.values.admin}
          onChange={(event) => form.set('admin', event.currentTarget.checked)}
        />
        <GrantsInput form={form} />
        <NativeSelect
          {...form.field('language')}
          label={t('admin.invite.language')}
          description={t('admin.invite.languageHint')}
          value={form.values.language}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isLocale(chosen)) form.set('language', chosen);
          }}
        >
          <LocaleOptions />
        </NativeSelect>
        <Group gap="sm">
          <Button type="submit" loading={form.isSaving}>
            {t('admin.invite.send')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
