import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { outboxQuery, type OutboxMail } from '../../api/accounts';
import { SignedInOnly } from '../../accounts/signed-in-only';
import { Facts } from '../../components/facts';
import { EmptyState, QueryState } from '../../components/query-state';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/**
 * The mails the server wrote to its outbox folder because no mail server is configured (invitations,
 * password resets), newest first, for administrators to read and pass on by hand.
 */
export function OutboxPage() {
  const t = useT();
  return (
    <SignedInOnly title={t('admin.outbox.title')} isForAdministrators>
      {() => <Outbox />}
    </SignedInOnly>
  );
}

function Outbox() {
  const t = useT();
  const query = useQuery(outboxQuery());
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1}>{t('admin.outbox.title')}</Title>
        <Button variant="default" onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('admin.outbox.refresh')}
        </Button>
      </Group>
      <Text maw="48rem">{t('admin.outbox.intro')}</Text>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('admin.outbox.empty')}</EmptyState>
          ) : (
            <Stack gap="md" component="ul" className="plain-list">
              {result.items.map((mail) => (
                <li key={mail.id}>
                  <OutboxMailView mail={mail} />
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function OutboxMailView({ mail }: { mail: OutboxMail }) {
  const t = useT();
  const { intlTag } = useLocale();
  const dateTime = useMemo(
    () => new Intl.DateTimeFormat(intlTag, { dateStyle: 'long', timeStyle: 'short' }),
    [intlTag],
  );
  const headingId = `mail-${mail.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {mail.subject}
        </Title>
        <Facts
          items={[
            { label: t('admin.outbox.to'), value: mail.to },
            {
              label: t('admin.outbox.date'),
              value: <time dateTime={mail.createdAt}>{dateTime.format(new Date(mail.createdAt))}</time>,
            },
          ]}
        />
        <pre className="mail-text">{mail.text}</pre>
      </Stack>
    </Paper>
  );
}
