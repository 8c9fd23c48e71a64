import { Anchor, Stack, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QueryOf } from '../../api/client';
import { projectListQuery } from '../../api/projects';
import { DateRange } from '../../components/dates';
import { FilterBar, SelectFilter, TextFilter, ThemeFilter } from '../../components/filters';
import { optional, optionalNumber, useListParams } from '../../components/list-params';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { chooseText } from '../../i18n/choose-text';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ListHeading } from '../../forms/record-actions';

const pageSize = 25;

/** Every project, filtered by title, programme, status, year, country and theme. */
export function ProjectsPage() {
  const t = useT();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  usePageTitle(t('nav.projects'));
  const { page, values, setFilter, setPage, clear } = useListParams([
    'name',
    'programme',
    'status',
    'year',
    'country',
    'theme',
  ] as const);
  const query = useQuery({
    ...projectListQuery({
      name: optional(values.name),
      programme: optional(values.programme),
      status: optional(values.status) as QueryOf<'listProjects'>['status'],
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
      <ListHeading title={t('nav.projects')} newTo="/projects/new" newLabel={t('form.project.newTitle')} />
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('list.title')}
          value={values.name}
          onChange={(value) => setFilter('name', value, { replace: true })}
        />
        <TextFilter
          label={t('project.programme')}
          value={values.programme}
          onChange={(value) => setFilter('programme', value, { replace: true })}
        />
        <SelectFilter
          label={t('project.status')}
          value={values.status}
          onChange={(value) => setFilter('status', value)}
          options={vocabularies.projectStatus.map((status) => ({
            value: status,
            label: vocabulary.projectStatus(status),
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
                  <Table.Caption className="visually-hidden">{t('nav.projects')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('list.title')}</Table.Th>
                      <Table.Th scope="col">{t('project.programme')}</Table.Th>
                      <Table.Th scope="col">{t('project.status')}</Table.Th>
                      <Table.Th scope="col">{t('common.dates')}</Table.Th>
                      <Table.Th scope="col">{t('project.partners')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((project) => {
                      const title = chooseText(project.title, locale);
                      return (
                        <Table.Tr key={project.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/projects/${project.slug}`} lang={title?.language}>
                              {title?.text ?? project.displayTitle}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{project.programme}</Table.Td>
                          <Table.Td>{vocabulary.projectStatus(project.status)}</Table.Td>
                          <Table.Td>
                            <DateRange start={project.startsOn} end={project.endsOn} />
                          </Table.Td>
                          <Table.Td>{project.totals.partnerCount}</Table.Td>
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
