import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QueryOf, Schemas } from '../../api/client';
import { initiativeListQuery } from '../../api/initiatives';
import { FilterBar, SelectFilter, TextFilter, ThemeFilter } from '../../components/filters';
import { OrganisationLink } from '../../components/links';
import { optional, useListParams } from '../../components/list-params';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { ListHeading } from '../../forms/record-actions';
import { chooseText } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import {
  fundingProgrammeCodes,
  initiativeStatuses,
  statusColour,
  useInitiativeLabels,
} from './initiative-labels';

const pageSize = 24;

/** The initiatives board: organisations looking for partners, filtered by status, theme, country and programme. */
export function InitiativesPage() {
  const t = useT();
  const labels = useInitiativeLabels();
  usePageTitle(t('nav.initiatives'));
  const { page, values, setFilter, setPage, clear } = useListParams([
    'q',
    'status',
    'theme',
    'country',
    'programme',
  ] as const);
  const query = useQuery({
    ...initiativeListQuery({
      q: optional(values.q),
      status: optional(values.status) as QueryOf<'listInitiatives'>['status'],
      theme: optional(values.theme),
      country: optional(values.country.toUpperCase()),
      programme: optional(values.programme) as QueryOf<'listInitiatives'>['programme'],
      sort: '-createdAt',
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <ListHeading title={t('nav.initiatives')} newTo="/initiatives/new" newLabel={t('initiative.new')} />
      <Text maw="48rem">{t('initiative.board.intro')}</Text>
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('list.title')}
          value={values.q}
          onChange={(value) => setFilter('q', value, { replace: true })}
        />
        <SelectFilter
          label={t('initiative.field.status')}
          value={values.status}
          onChange={(value) => setFilter('status', value)}
          options={initiativeStatuses.map((status) => ({ value: status, label: labels.status(status) }))}
        />
        <ThemeFilter value={values.theme} onChange={(value) => setFilter('theme', value)} />
        <TextFilter
          label={t('initiative.filter.country')}
          value={values.country}
          width="10rem"
          maxLength={2}
          onChange={(value) => setFilter('country', value.toUpperCase(), { replace: true })}
        />
        <SelectFilter
          label={t('initiative.field.programme')}
          value={values.programme}
          onChange={(value) => setFilter('programme', value)}
          options={fundingProgrammeCodes.map((code) => ({ value: code, label: labels.programme(code) }))}
        />
      </FilterBar>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('initiative.board.empty')}</EmptyState>
          ) : (
            <div aria-busy={query.isFetching || undefined}>
              <SimpleGrid component="ul" className="plain-list" cols={{ base: 1, sm: 2, lg: 3 }}>
                {result.items.map((initiative) => (
                  <li key={initiative.id}>
                    <InitiativeCard initiative={initiative} />
                  </li>
                ))}
              </SimpleGrid>
              <Pager page={page} pageSize={pageSize} total={result.total} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** One initiative on the board: title, owner, status, what it seeks and its deadline. */
function InitiativeCard({ initiative }: { initiative: Schemas['Initiative'] }) {
  const t = useT();
  const format = useFormat();
  const labels = useInitiativeLabels();
  const { locale } = useLocale();
  const title = chooseText(initiative.title, locale);
  const seeks = [
    initiative.partnersWanted !== null
      ? t('initiative.partnersWanted', { count: initiative.partnersWanted })
      : '',
    initiative.countries.map((country) => format.country(country)).join(', '),
  ].filter(Boolean);
  return (
    <Card withBorder padding="md" h="100%">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            <Anchor component={Link} to={`/initiatives/${initiative.id}`} lang={title?.language}>
              {title?.text ?? initiative.displayTitle}
            </Anchor>
          </Title>
          <Badge color={statusColour(initiative.status)} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {labels.status(initiative.status)}
          </Badge>
        </Group>
        <Text size="sm">
          <OrganisationLink organisation={initiative.owner} withDetails />
        </Text>
        {seeks.length > 0 && (
          <Text size="sm">
            {t('initiative.seeks')}: {seeks.join(' · ')}
          </Text>
        )}
        <Group gap="md">
          {initiative.fundingProgramme && (
            <Text size="sm" c="dimmed">
              {labels.programme(initiative.fundingProgramme)}
            </Text>
          )}
          {initiative.deadline && (
            <Text size="sm" c="dimmed">
              {t('initiative.deadlineOn', { date: format.partialDate(initiative.deadline) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
