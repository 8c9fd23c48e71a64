import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import { contactsQuery, type Contact } from '../../api/contacts';
import { useSession } from '../../accounts/use-session';
import { EmptyState, ErrorState, SectionLoading } from '../../components/query-state';
import { recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ContactFormDialog, EraseContactDialog, downloadContactData } from './contact-dialogs';

/**
 * The people to contact at an organisation: personal data, so shown only to the organisation's people
 * (and administrators); the server decides, and a reader it refuses sees nothing here at all.
 */
export function OrganisationContacts({ organisationId }: { organisationId: string }) {
  const session = useSession();
  const user = session.user;
  const mayRead =
    user !== null &&
    (session.isAdmin ||
      user.grants.some((grant) => grant.organisationId === organisationId) ||
      session.mayEditFor([organisationId]));
  if (!mayRead) return null;
  return <ContactsSection organisationId={organisationId} canEdit={session.mayEditFor([organisationId])} />;
}

function ContactsSection({ organisationId, canEdit }: { organisationId: string; canEdit: boolean }) {
  const t = useT();
  const query = useQuery(contactsQuery(organisationId));
  const [isAdding, setIsAdding] = useState(false);
  // A coordinator is offered every organisation; one the server refuses shows no section.
  if (query.error instanceof ApiError && (query.error.isForbidden || query.error.isSignInNeeded)) return null;
  return (
    <section aria-labelledby="organisation-contacts" className="organisation-contacts">
      <Group gap="sm" mb="xs" justify="space-between">
        <Title order={2} size="h3" id="organisation-contacts">
          {t('contacts.heading')}
        </Title>
        {canEdit && (
          <Button variant="outline" size="xs" onClick={() => setIsAdding(true)}>
            {t('contacts.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('contacts.privacy')}
      </Text>
      {query.isPending ? (
        <SectionLoading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>{t('contacts.none')}</EmptyState>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.items.map((contact) => (
            <li key={contact.id}>
              <ContactCard contact={contact} canEdit={canEdit} />
            </li>
          ))}
        </Stack>
      )}
      {isAdding && (
        <ContactFormDialog organisationId={organisationId} opened onClose={() => setIsAdding(false)} />
      )}
    </section>
  );
}

function ContactCard({ contact, canEdit }: { contact: Contact; canEdit: boolean }) {
  const t = useT();
  const intl = useIntl();
  const message = useFormMessage();
  const { locale } = useLocale();
  const [dialog, setDialog] = useState<'edit' | 'erase' | undefined>(undefined);
  const download = useMutation({ mutationFn: () => downloadContactData(contact) });
  const position = chooseText(contact.position, locale);
  const isErased = contact.erasedAt !== null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text fw={600}>{isErased ? t('contacts.erasedName') : contact.name}</Text>
        {isErased && contact.erasedAt && (
          <Text size="sm" c="dimmed">
            {t('contacts.erasedOn', { date: intl.formatDate(contact.erasedAt, { dateStyle: 'long' }) })}
          </Text>
        )}
        {position && (
          <Text size="sm" lang={position.language}>
            {position.text}
          </Text>
        )}
        {contact.email && (
          <Text size="sm">
            {t('contacts.email')}: <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
          </Text>
        )}
        {contact.phone && (
          <Text size="sm">
            {t('contacts.phone')}:{' '}
            <Anchor href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</Anchor>
          </Text>
        )}
        {contact.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {contact.notes}
          </Text>
        )}
        {canEdit && !isErased && (
          <Group gap="xs" mt="xs">
            <Button
              size="xs"
              variant="default"
              aria-label={`${t('form.edit')}: ${contact.name}`}
              onClick={() => setDialog('edit')}
            >
              {t('form.edit')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={download.isPending}
              aria-label={`${t('contacts.export')}: ${contact.name}`}
              onClick={() => download.mutate()}
            >
              {t('contacts.export')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              aria-label={`${t('contacts.erase')}: ${contact.name}`}
              onClick={() => setDialog('erase')}
            >
              {t('contacts.erase')}
            </Button>
          </Group>
        )}
        {download.isError && (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">{message(recordErrorMessage(download.error))}</Text>
          </Alert>
        )}
      </Stack>
      {dialog === 'edit' && (
        <ContactFormDialog
          organisationId={contact.organisationId}
          contact={contact}
          opened
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'erase' && (
        <EraseContactDialog contact={contact} opened onClose={() => setDialog(undefined)} />
      )}
    </Paper>
  );
}
