import { Anchor, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { organisationListQuery } from '../../api/organisations';
import { partnershipListQuery } from '../../api/partnerships';
import { EmptyState, QueryState } from '../../components/query-state';
import { useVocabulary } from '../../components/vocabulary';
import { chooseName } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { useT } from '../../i18n/use-t';

/** The organisations changed and the partnerships recorded most recently. */
export function LatestChanges() {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  const organisations = useQuery(organisationListQuery({ sort: '-updatedAt', pageSize: 5 }));
  const partnerships = useQuery(partnershipListQuery({ sort: '-createdAt', pageSize: 5 }));
  return (
    <section aria-labelledby="latest-changes">
      <Title order={2} id="latest-changes" mb="sm">
        {t('home.latestHeading')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('home.latestOrganisations')}
          </Title>
          <QueryState query={organisations}>
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState>{t('common.noneRecorded')}</EmptyState>
              ) : (
                <ul>
                  {page.items.map((organisation) => (
                    <li key={organisation.id}>
                      <Anchor component={Link} to={`/organisations/${organisation.slug}`}>
                        {chooseName(organisation.names, locale, organisation.name)}
                      </Anchor>{' '}
                      <Text component="span" size="sm" c="dimmed">
                        {t('home.updatedOn', { date: format.timestamp(organisation.updatedAt) })}
                      </Text>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('home.latestPartnerships')}
          </Title>
          <QueryState query={partnerships}>
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState>{t('common.noneRecorded')}</EmptyState>
              ) : (
                <ul>
                  {page.items.map((partnership) => (
                    <li key={partnership.id}>
                      <Anchor component={Link} to={`/partnerships/${partnership.id}`}>
                        {t('partnership.between', {
                          a: partnership.organisationA.name,
                          b: partnership.organisationB.name,
                        })}
                      </Anchor>{' '}
                      <Text component="span" size="sm" c="dimmed">
                        ({vocabulary.partnershipType(partnership.type)},{' '}
                        {t('home.addedOn', { date: format.timestamp(partnership.createdAt) })})
                      </Text>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryState>
        </div>
      </SimpleGrid>
    </section>
  );
}
