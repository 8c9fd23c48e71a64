import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { historyQuery, type HistoryEvent } from '../api/history';
import type { MessageId } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useFieldLabel, useFieldValue } from './history-values';
import { EmptyState, ErrorState, SectionLoading } from './query-state';

/** The kinds of record with a history, as the API names them. */
export type HistoryEntity =
  'organisation' | 'partnership' | 'membership' | 'project' | 'activity' | 'programme' | 'theme' | 'source';

const entityLabels: Partial<Record<string, MessageId>> = {
  organisation: 'history.entity.organisation',
  name: 'history.entity.name',
  membership: 'history.entity.membership',
  partnership: 'history.entity.partnership',
  project: 'history.entity.project',
  project_partner: 'history.entity.project_partner',
  activity: 'history.entity.activity',
  activity_participant: 'history.entity.activity_participant',
  programme: 'history.entity.programme',
  theme: 'history.entity.theme',
  source: 'history.entity.source',
  contact: 'history.entity.contact',
};

const actionLabels: Record<HistoryEvent['action'], MessageId> = {
  insert: 'history.action.insert',
  update: 'history.action.update',
  delete: 'history.action.delete',
  erase: 'history.action.erase',
};

/**
 * A record's history: who changed what and when, newest first, with each changed field before and after.
 * Folded until the reader asks for it, so a page does not read the audit trail for every visit.
 */
export function RecordHistory({ entity, id }: { entity: HistoryEntity; id: string }) {
  const t = useT();
  const [isOpen, setIsOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();
  return (
    <section aria-labelledby={headingId} className="record-history">
      <Group gap="sm" mb="xs">
        <Title order={2} size="h3" id={headingId}>
          {t('history.heading')}
        </Title>
        <Button
          variant="default"
          size="compact-sm"
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setIsOpen((open) => !open)}
        >
          {isOpen ? t('history.hide') : t('history.show')}
        </Button>
      </Group>
      <div id={panelId} hidden={!isOpen}>
        {isOpen && <HistoryList entity={entity} id={id} />}
      </div>
    </section>
  );
}

function HistoryList({ entity, id }: { entity: string; id: string }) {
  const t = useT();
  const query = useInfiniteQuery(historyQuery(entity, id));
  if (query.isPending) return <SectionLoading label={t('history.loading')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const events = query.data.pages.flatMap((page) => page.items);
  if (events.length === 0) return <EmptyState>{t('history.empty')}</EmptyState>;
  return (
    <Stack gap="md">
      <Stack component="ol" gap="lg" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {events.map((event) => (
          <li key={event.id}>
            <HistoryItem event={event} />
          </li>
        ))}
      </Stack>
      {query.hasNextPage && (
        <Button
          variant="default"
          size="sm"
          style={{ alignSelf: 'flex-start' }}
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {t('history.older')}
        </Button>
      )}
    </Stack>
  );
}

function HistoryItem({ event }: { event: HistoryEvent }) {
  const t = useT();
  const intl = useIntl();
  const labelOf = useFieldLabel();
  const valueOf = useFieldValue();
  const entityId = entityLabels[event.entity];
  const what = t('history.headline', {
    action: t(actionLabels[event.action]),
    entity: entityId ? t(entityId) : event.entity.replaceAll('_', ' '),
  });
  const actor =
    event.actor.kind === 'user'
      ? (event.actor.displayName ?? t('history.actor.user'))
      : event.actor.kind === 'system'
        ? t('history.actor.system', { name: event.actor.displayName ?? '' })
        : t('history.actor.public');
  // A new or removed record has one value per field; a change has two.
  const isChange = event.action === 'update';
  const shown = (field: string, value: unknown) =>
    valueOf(event.entity, field, value) ?? t('history.noValue');
  return (
    <Stack gap={4}>
      <Text fw={600}>{what}</Text>
      <Text size="sm" c="dimmed">
        <time dateTime={event.occurredAt}>
          {intl.formatDate(event.occurredAt, { dateStyle: 'long', timeStyle: 'short' })}
        </time>
        {' · '}
        {actor}
      </Text>
      {event.changes.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder layout="fixed" verticalSpacing={4} fz="sm" captionSide="top">
            <Table.Caption style={{ textAlign: 'start' }}>{t('history.changes')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="30%">
                  {t('history.field')}
                </Table.Th>
                {isChange && <Table.Th scope="col">{t('history.before')}</Table.Th>}
                <Table.Th scope="col">{isChange ? t('history.after') : t('history.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {event.changes.map((change) => (
                <Table.Tr key={change.field}>
                  <Table.Th scope="row" fw={500}>
                    {labelOf(event.entity, change.field)}
                  </Table.Th>
                  {isChange && (
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {shown(change.field, change.before)}
                    </Table.Td>
                  )}
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {shown(change.field, event.action === 'delete' ? change.before : change.after)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
