import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { activityListQuery } from '../../api/activities';
import type { Schemas } from '../../api/client';
import { organisationListQuery } from '../../api/organisations';
import { partnershipListQuery } from '../../api/partnerships';
import { projectListQuery } from '../../api/projects';
import { themeQuery } from '../../api/themes';
import { SourceLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary } from '../../components/vocabulary';
import { chooseName, chooseText, isReadersLanguage } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { ThemeActions } from '../../forms/record-actions';
import { RecordHistory } from '../../components/record-history';

const pageSize = 50;

/** A theme and the records that carry it: organisations, partnerships, projects, activities. */
export function ThemePage() {
  const { code = '' } = useParams();
  const { apiLanguage } = useLocale();
  const query = useQuery(themeQuery(code, apiLanguage));
  return (
    <QueryState query={query} isPage>
      {(theme) => <ThemeView theme={theme} />}
    </QueryState>
  );
}

function ThemeView({ theme }: { theme: Schemas['Theme'] }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  usePageTitle(theme.label);
  const organisations = useQuery(organisationListQuery({ theme: theme.code, pageSize }));
  const partnerships = useQuery(partnershipListQuery({ theme: theme.code, pageSize }));
  const projects = useQuery(projectListQuery({ theme: theme.code, pageSize }));
  const activities = useQuery(activityListQuery({ theme: theme.code, pageSize }));
  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" fw={500}>
          {vocabulary.themeTaxonomy(theme.taxonomy)}
        </Text>
        <Title order={1} lang={theme.labelLanguage}>
          {theme.label}
        </Title>
        {!isReadersLanguage(theme.labelLanguage, locale) && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('content.inLanguage', { language: format.language(theme.labelLanguage) })}
          </Text>
        )}
        {theme.source && (
          <Text size="sm" mt="xs">
            {t('sources.heading')}: <SourceLink source={theme.source} />
          </Text>
        )}
      </div>
      <ThemeActions theme={theme} />
      <Title order={2}>{t('theme.records')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <RecordSection
          id="theme-organisations"
          title={t('nav.organisations')}
          query={organisations}
          more={`/organisations?theme=${theme.code}`}
          render={(organisation: Schemas['Organisation']) => (
            <Anchor component={Link} to={`/organisations/${organisation.slug}`}>
              {chooseName(organisation.names, locale, organisation.name)}
            </Anchor>
          )}
        />
        <RecordSection
          id="theme-partnerships"
          title={t('theme.partnerships')}
          query={partnerships}
          render={(partnership: Schemas['Partnership']) => (
            <Anchor component={Link} to={`/partnerships/${partnership.id}`}>
              {t('partnership.between', {
                a: partnership.organisationA.name,
                b: partnership.organisationB.name,
              })}
            </Anchor>
          )}
        />
        <RecordSection
          id="theme-projects"
          title={t('nav.projects')}
          query={projects}
          more={`/projects?theme=${theme.code}`}
          render={(project: Schemas['Project']) => {
            const title = chooseText(project.title, locale);
            return (
              <Anchor component={Link} to={`/projects/${project.slug}`} lang={title?.language}>
                {title?.text ?? project.displayTitle}
              </Anchor>
            );
          }}
        />
        <RecordSection
          id="theme-activities"
          title={t('nav.activities')}
          query={activities}
          more={`/activities?theme=${theme.code}`}
          render={(activity: Schemas['Activity']) => {
            const title = chooseText(activity.title, locale);
            return (
              <Anchor component={Link} to={`/activities/${activity.id}`} lang={title?.language}>
                {title?.text ?? activity.displayTitle}
              </Anchor>
            );
          }}
        />
      </SimpleGrid>
      <RecordHistory entity="theme" id={theme.id} />
    </Stack>
  );
}

function RecordSection<T extends { id: string }>({
  id,
  title,
  query,
  render,
  more,
}: {
  id: string;
  title: string;
  query: UseQueryResult<{ items: T[]; total: number }>;
  render: (item: T) => ReactNode;
  more?: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
        {query.data && ` (${query.data.total})`}
      </Title>
      <QueryState query={query}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState>{t('theme.noRecords')}</EmptyState>
          ) : (
            <>
              <ul>
                {page.items.map((item) => (
                  <li key={item.id}>{render(item)}</li>
                ))}
              </ul>
              {more && page.total > page.items.length && (
                <Anchor component={Link} to={more} size="sm">
                  {t('theme.seeAll', { count: page.total })}
                </Anchor>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
