import { Anchor, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchQuery } from '../../api/search';
import { usePageTitle } from '../../components/page-title';
import { EmptyState, QueryState } from '../../components/query-state';
import {
  isMatchedByOtherName,
  searchHitGroups,
  searchHitPath,
  type SearchHit,
} from '../../components/search-hit';
import { useVocabulary } from '../../components/vocabulary';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/** Results as you type, grouped by type, each saying which name matched. The query lives in `?q=`. */
export function SearchPage() {
  const t = useT();
  const { apiLanguage } = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [value, setValue] = useState(q);
  const [debounced] = useDebouncedValue(value.trim(), 250);
  usePageTitle(q ? t('search.resultsTitle', { query: q }) : t('search.title'));

  // A new address (header search, back button) shows its query in the box.
  const [shownQuery, setShownQuery] = useState(q);
  if (shownQuery !== q) {
    setShownQuery(q);
    if (q !== value.trim()) setValue(q);
  }

  // Typing updates the address, once the typing settles, without a history entry per letter.
  const isSettled = debounced === value.trim();
  useEffect(() => {
    if (isSettled && debounced !== q) {
      setParams(debounced === '' ? {} : { q: debounced }, { replace: true });
    }
  }, [isSettled, debounced, q, setParams]);

  const query = useQuery(searchQuery({ q, lang: apiLanguage, limit: 50 }));

  return (
    <Stack gap="lg">
      <Title order={1}>{q ? t('search.resultsTitle', { query: q }) : t('search.title')}</Title>
      <form role="search" aria-label={t('search.title')} onSubmit={(event) => event.preventDefault()}>
        <TextInput
          type="search"
          label={t('search.label')}
          description={t('search.hint')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          maw="40rem"
        />
      </form>
      {q === '' ? (
        <Text c="dimmed">{t('search.hint')}</Text>
      ) : (
        <QueryState query={query}>{(results) => <SearchResults hits={results.hits} query={q} />}</QueryState>
      )}
    </Stack>
  );
}

function SearchResults({ hits, query }: { hits: SearchHit[]; query: string }) {
  const t = useT();
  if (hits.length === 0) return <EmptyState>{t('search.noResults', { query })}</EmptyState>;
  return (
    <Stack gap="lg">
      <Text aria-live="polite">{t('search.resultCount', { count: hits.length })}</Text>
      {searchHitGroups.map((group) => {
        const groupHits = hits.filter((hit) => hit.type === group.type);
        if (groupHits.length === 0) return null;
        return (
          <section key={group.type} aria-labelledby={`results-${group.type}`}>
            <Title order={2} size="h3" id={`results-${group.type}`} mb="xs">
              {t(group.label)} ({groupHits.length})
            </Title>
            <ul className="plain-list">
              {groupHits.map((hit) => (
                <SearchResult key={`${hit.type}:${hit.id}`} hit={hit} />
              ))}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const details = [
    hit.type === 'organisation' && hit.kind ? vocabulary.organisationKind(hit.kind) : undefined,
    hit.type === 'activity' && hit.kind ? vocabulary.activityType(hit.kind) : undefined,
    hit.country ? format.country(hit.country) : undefined,
    hit.population ? t('common.population', { count: hit.population }) : undefined,
  ].filter(Boolean);
  const isPlaceOutsideRegistry = hit.type === 'place' && !hit.ids.slug;
  return (
    <li style={{ marginBottom: '0.6rem' }}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={searchHitPath(hit)} fw={500}>
          {hit.name}
        </Anchor>
        {isMatchedByOtherName(hit) && (
          <Text component="span" size="sm">
            {t('search.matchedAs', { label: hit.label })}
          </Text>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {[...details, isPlaceOutsideRegistry ? t('search.notInRegistry') : undefined]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </li>
  );
}
