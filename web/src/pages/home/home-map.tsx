import { Anchor, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { organisationListQuery } from '../../api/organisations';
import { EmptyState, QueryState } from '../../components/query-state';
import { chooseName } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';
import { RegistryMap } from '../../maps/registry-map';

/** Organisations with a location, the largest first: what the home map shows. */
export function useMappedOrganisations() {
  return useQuery({
    ...organisationListQuery({ sort: '-population', pageSize: 200 }),
    select: (page) =>
      page.items.filter((organisation) => organisation.latitude !== null && organisation.longitude !== null),
  });
}

/**
 * The home page's map of organisations (the map library loads lazily, after the page, so it is not part of
 * the home page's first download); the list below it is its accessible alternative.
 */
export function HomeMap() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const query = useMappedOrganisations();
  return (
    <section aria-labelledby="home-map">
      <Title order={2} id="home-map" mb="sm">
        {t('home.mapHeading')}
      </Title>
      <QueryState query={query}>
        {(organisations) =>
          organisations.length === 0 ? (
            <EmptyState>{t('common.noneRecorded')}</EmptyState>
          ) : (
            <>
              <RegistryMap organisations={organisations} />
              <details>
                <summary>
                  <Text component="span" fw={500}>
                    {t('map.listAlternative', { count: organisations.length })}
                  </Text>
                </summary>
                <ul>
                  {organisations.map((organisation) => (
                    <li key={organisation.id}>
                      <Anchor component={Link} to={`/organisations/${organisation.slug}`}>
                        {chooseName(organisation.names, locale, organisation.name)}
                      </Anchor>
                      {organisation.country && `, ${format.country(organisation.country)}`}
                      <Text component="span" size="sm" c="dimmed">
                        {' '}
                        (
                        {t('map.coordinates', {
                          latitude: organisation.latitude ?? 0,
                          longitude: organisation.longitude ?? 0,
                        })}
                        )
                      </Text>
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
