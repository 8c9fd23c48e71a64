import { Anchor, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { QueryOf, Schemas } from '../../api/client';
import { themeListQuery } from '../../api/themes';
import { FilterBar, SelectFilter, TextFilter } from '../../components/filters';
import { optional, useListParams } from '../../components/list-params';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary, vocabularies } from '../../components/vocabulary';
import { isReadersLanguage } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ListHeading } from '../../forms/record-actions';

const pageSize = 100;

/** The taxonomy of cooperation areas, grouped by taxonomy, labelled in the reader's language. */
export function ThemesPage() {
  const t = useT();
  const vocabulary = useVocabulary();
  const { apiLanguage } = useLocale();
  usePageTitle(t('nav.themes'));
  const { page, values, setFilter, setPage, clear } = useListParams(['name', 'taxonomy'] as const);
  const query = useQuery({
    ...themeListQuery({
      name: optional(values.name),
      taxonomy: optional(values.taxonomy) as QueryOf<'listThemes'>['taxonomy'],
      lang: apiLanguage,
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <ListHeading
        title={t('nav.themes')}
        newTo="/themes/new"
        newLabel={t('form.theme.newTitle')}
        isForAdministrators
      />
      <FilterBar onClear={clear}>
        <TextFilter
          label={t('list.name')}
          value={values.name}
          onChange={(value) => setFilter('name', value, { replace: true })}
        />
        <SelectFilter
          label={t('theme.taxonomy')}
          value={values.taxonomy}
          onChange={(value) => setFilter('taxonomy', value)}
          options={vocabularies.themeTaxonomy.map((taxonomy) => ({
            value: taxonomy,
            label: vocabulary.themeTaxonomy(taxonomy),
          }))}
        />
      </FilterBar>
      <QueryState query={query}>
        {(result) =>
          result.items.length === 0 ? (
            <EmptyState>{t('list.empty')}</EmptyState>
          ) : (
            <div aria-busy={query.isFetching || undefined}>
              {groupByTaxonomy(result.items).map(([taxonomy, themes]) => (
                <section key={taxonomy} aria-labelledby={`taxonomy-${taxonomy}`}>
                  <Title order={2} size="h3" id={`taxonomy-${taxonomy}`} mt="md" mb="xs">
                    {vocabulary.themeTaxonomy(taxonomy)}
                  </Title>
                  <ul>
                    {themes.map((theme) => (
                      <ThemeItem key={theme.id} theme={theme} />
                    ))}
                  </ul>
                </section>
              ))}
              <Pager page={page} pageSize={pageSize} total={result.total} onChange={setPage} />
            </div>
          )
        }
      </QueryState>
    </Stack>
  );
}

function groupByTaxonomy(themes: Schemas['Theme'][]): [string, Schemas['Theme'][]][] {
  const groups = new Map<string, Schemas['Theme'][]>();
  for (const theme of themes) groups.set(theme.taxonomy, [...(groups.get(theme.taxonomy) ?? []), theme]);
  return [...groups.entries()];
}

function ThemeItem({ theme }: { theme: Schemas['Theme'] }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  return (
    <li>
      <Anchor component={Link} to={`/themes/${theme.code}`} lang={theme.labelLanguage}>
        {theme.label}
      </Anchor>
      {!isReadersLanguage(theme.labelLanguage, locale) && (
        <Text component="span" size="sm" c="dimmed" fs="italic">
          {' '}
          {t('content.inLanguage', { language: format.language(theme.labelLanguage) })}
        </Text>
      )}
    </li>
  );
}
