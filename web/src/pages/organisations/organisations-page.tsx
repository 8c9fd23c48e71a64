import { Anchor, Stack, Table } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QueryOf } from '../../api/client';
import { organisationListQuery } from '../../api/organisations';
import { FilterBar, SelectFilter, TextFilter, ThemeFilter } from '../../components/filters';
import { optional, useListParams } from '../../components/list-params';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { chooseName } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ListHeading } from '../../forms/record-actions';

const pageSize = 25;
const sorts = ['name', '-population', '-updatedAt'] as const;
type Sort = NonNullable<QueryOf<'listOrganisations'>['sort']>;

/** Every organisation, filtered by name, kind, country and theme. */
export function OrganisationsPage() {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  usePageTitle(t('nav.organisations'));
  const { page, values, setFilter, setPage, clear } = useListParams([
    'name',
    'kind',
    'country',
    'theme',
    'sort',
  ] as const);
  const query = useQuery({
    ...organisationListQuery({
      name: optional(values.name),
      kind: optional(values.kind) as QueryOf<'listOrganisations'>['kind'],
      country: optional(values.country.toUpperCase()),
      theme: optional(values.theme),
      sort: (optional(values.sort) as Sort | undefined) ?? 'name',
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <ListHeading
        title={t('nav.organisations')}
        newTo="/organisations/new"
        newLabel={t('form.organisation.newTitle')}
      />
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('list.name')}
          value={values.name}
          onChange={(value) => setFilter('name', value, { replace: true })}
        />
        <SelectFilter
          label={t('list.kind')}
          value={values.kind}
          onChange={(value) => setFilter('kind', value)}
          options={vocabularies.organisationKind.map((kind) => ({
            value: kind,
            label: vocabulary.organisationKind(kind),
          }))}
        />
        <TextFilter
          label={t('list.country')}
          value={values.country}
          width="8rem"
          maxLength={2}
          onChange={(value) => setFilter('country', value.toUpperCase(), { replace: true })}
        />
        <ThemeFilter value={values.theme} onChange={(value) => setFilter('theme', value)} />
        <SelectFilter
          label={t('list.sort')}
          value={values.sort}
          onChange={(value) => setFilter('sort', value)}
          options={sorts.map((sort) => ({ value: sort, label: t(`list.sort.organisations.${sort}`) }))}
        />
      </FilterBar>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('list.empty')}</EmptyState>
          ) : (
            <div aria-busy={query.isFetching || undefined}>
              <Table.ScrollContainer minWidth={560}>
                <Table striped highlightOnHover>
                  <Table.Caption className="visually-hidden">{t('nav.organisations')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('organisation.name')}</Table.Th>
                      <Table.Th scope="col">{t('list.kind')}</Table.Th>
                      <Table.Th scope="col">{t('organisation.country')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('organisation.population')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.items.map((organisation) => (
                      <Table.Tr key={organisation.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/organisations/${organisation.slug}`}>
                            {chooseName(organisation.names, locale, organisation.name)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{vocabulary.organisationKind(organisation.kind)}</Table.Td>
                        <Table.Td>
                          {organisation.country ? format.country(organisation.country) : '–'}
                        </Table.Td>
                        <Table.Td ta="right">
                          {organisation.population !== null ? format.number(organisation.population) : '–'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
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
