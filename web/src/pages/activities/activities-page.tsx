import { Anchor, Stack, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { activityListQuery } from '../../api/activities';
import type { QueryOf } from '../../api/client';
import { DateRange } from '../../components/dates';
import { FilterBar, SelectFilter, TextFilter, ThemeFilter } from '../../components/filters';
import { optional, optionalNumber, useListParams } from '../../components/list-params';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { chooseText } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ListHeading } from '../../forms/record-actions';

const pageSize = 25;

/** Every activity, the latest first, filtered by title, type, year, country and theme. */
export function ActivitiesPage() {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  usePageTitle(t('nav.activities'));
  const { page, values, setFilter, setPage, clear } = useListParams([
    'name',
    'type',
    'year',
    'country',
    'theme',
  ] as const);
  const query = useQuery({
    ...activityListQuery({
      name: optional(values.name),
      type: optional(values.type) as QueryOf<'listActivities'>['type'],
      year: optionalNumber(values.year),
      country: optional(values.country.toUpperCase()),
      theme: optional(values.theme),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <ListHeading
        title={t('nav.activities')}
        newTo="/activities/new"
        newLabel={t('form.activity.newTitle')}
      />
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('list.title')}
          value={values.name}
          onChange={(value) => setFilter('name', value, { replace: true })}
        />
        <SelectFilter
          label={t('activity.type')}
          value={values.type}
          onChange={(value) => setFilter('type', value)}
          options={vocabularies.activityType.map((type) => ({
            value: type,
            label: vocabulary.activityType(type),
          }))}
        />
        <TextFilter
          label={t('list.year')}
          value={values.year}
          width="7rem"
          maxLength={4}
          onChange={(value) => setFilter('year', value, { replace: true })}
        />
        <TextFilter
          label={t('list.country')}
          value={values.country}
          width="8rem"
          maxLength={2}
          onChange={(value) => setFilter('country', value.toUpperCase(), { replace: true })}
        />
        <ThemeFilter value={values.theme} onChange={(value) => setFilter('theme', value)} />
      </FilterBar>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('list.empty')}</EmptyState>
          ) : (
            <div aria-busy={query.isFetching || undefined}>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover>
                  <Table.Caption className="visually-hidden">{t('nav.activities')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('list.title')}</Table.Th>
                      <Table.Th scope="col">{t('activity.type')}</Table.Th>
                      <Table.Th scope="col">{t('common.dates')}</Table.Th>
                      <Table.Th scope="col">{t('activity.place')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((activity) => {
                      const title = chooseText(activity.title, locale);
                      return (
                        <Table.Tr key={activity.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/activities/${activity.id}`} lang={title?.language}>
                              {title?.text ?? activity.displayTitle}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{vocabulary.activityType(activity.type)}</Table.Td>
                          <Table.Td>
                            <DateRange start={activity.startsOn} end={activity.endsOn} isEvent />
                          </Table.Td>
                          <Table.Td>
                            {[activity.placeName, activity.country ? format.country(activity.country) : null]
                              .filter(Boolean)
                              .join(', ') || '–'}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager page={page} pageSize={pageSize} total={result.total} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}
