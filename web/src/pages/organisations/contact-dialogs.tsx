import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { contactWrites, type Contact } from '../../api/contacts';
import { errorsByPath, fieldErrorMessage, recordErrorMessage } from '../../forms/problem';
import { useAfterWrite } from '../../forms/records';
import { useFormMessage } from '../../forms/use-record-form';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { localeInfo } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';

interface ContactValues {
  name: string;
  position: string;
  email: string;
  phone: string;
  notes: string;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Adds a contact person or changes one, in a modal dialog. The position is written in the reader's
 * language; what other languages hold is kept.
 */
export function ContactFormDialog({
  organisationId,
  contact,
  opened,
  onClose,
}: {
  organisationId: string;
  contact?: Contact;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const message = useFormMessage();
  const afterWrite = useAfterWrite();
  const { locale } = useLocale();
  const language = localeInfo[locale].contentLanguages[0] ?? 'en';
  const initial: ContactValues = {
    name: contact?.name ?? '',
    position: contact?.position[language] ?? chooseText(contact?.position, locale)?.text ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    notes: contact?.notes ?? '',
  };
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: (input: ContactValues) => {
      const position = { ...contact?.position };
      if (input.position.trim() === '') delete position[language];
      else position[language] = input.position.trim();
      const body = {
        name: input.name.trim(),
        position,
        email: orNull(input.email),
        phone: orNull(input.phone),
        notes: orNull(input.notes),
      };
      return contact
        ? contactWrites.update(contact.id, { ...body, version: contact.version })
        : contactWrites.create(organisationId, body);
    },
    onSuccess: async () => {
      onClose();
      await afterWrite();
    },
  });
  const errors = save.error instanceof ApiError ? errorsByPath(save.error.problem?.errors ?? []) : new Map();
  const errorOf = (field: keyof ContactValues) => {
    const error = errors.get(field);
    return error ? message(fieldErrorMessage(error)) : undefined;
  };
  const field = (name: keyof ContactValues) => ({
    value: values[name],
    error: errorOf(name),
    onChange: (event: { currentTarget: { value: string } }) => {
      const { value } = event.currentTarget;
      setValues((current) => ({ ...current, [name]: value }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? t('contacts.edit', { name: contact.name }) : t('contacts.add')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('form.requiredNote')}
          </Text>
          <TextInput
            label={t('contacts.name')}
            required
            data-autofocus
            autoComplete="off"
            {...field('name')}
          />
          <TextInput
            label={t('contacts.position')}
            description={t('contacts.positionHint', { language: localeInfo[locale].label })}
            {...field('position')}
          />
          <TextInput label={t('contacts.email')} type="email" autoComplete="off" {...field('email')} />
          <TextInput label={t('contacts.phone')} type="tel" autoComplete="off" {...field('phone')} />
          <Textarea label={t('contacts.notes')} autosize minRows={2} {...field('notes')} />
          <div aria-live="assertive">
            {save.isError && (
              <Alert color="red" variant="light" title={t('contacts.saveFailed')}>
                <Text size="sm">{message(recordErrorMessage(save.error))}</Text>
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Erases a person's data after a confirmation that says it cannot be undone (Cancel focused first). */
export function EraseContactDialog({
  contact,
  opened,
  onClose,
}: {
  contact: Contact;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const message = useFormMessage();
  const afterWrite = useAfterWrite();
  const erase = useMutation({
    mutationFn: () => contactWrites.erase(contact.id),
    onSuccess: async () => {
      onClose();
      await afterWrite();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('contacts.eraseTitle', { name: contact.name })}
      closeButtonProps={{ 'aria-label': t('form.close') }}
      centered
    >
      <Stack gap="md">
        <Text>{t('contacts.eraseText')}</Text>
        <div aria-live="assertive">
          {erase.isError && (
            <Alert color="red" variant="light" title={t('contacts.eraseFailed')}>
              <Text size="sm">{message(recordErrorMessage(erase.error))}</Text>
            </Alert>
          )}
        </div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('form.cancel')}
          </Button>
          <Button color="red.9" loading={erase.isPending} onClick={() => erase.mutate()}>
            {t('contacts.eraseConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Downloads everything held about a person as a JSON file. */
export async function downloadContactData(contact: Contact): Promise<void> {
  const data = await contactWrites.exportData(contact.id);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `contact-${contact.id}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
