import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { organisationQuery, organisationRelationsQuery } from '../../api/organisations';
import { Facts } from '../../components/facts';
import { usePageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { ThemeList } from '../../components/theme-list';
import { useVocabulary } from '../../components/vocabulary';
import { chooseName } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { LocalisedText } from '../../i18n/localised-text';
import { useT } from '../../i18n/use-t';
import { OrganisationNames } from './organisation-names';
import { OrganisationRelations } from './organisation-relations';
import { OrganisationSources } from './organisation-sources';
import { PartnerMap } from './partner-map';
import { OrganisationActions } from '../../forms/record-actions';
import { RecordHistory } from '../../components/record-history';
import { OrganisationContacts } from './organisation-contacts';
import { SuggestedPartners } from './suggested-partners';

type Organisation = Schemas['Organisation'];

/**
 * An organisation's profile: its names, identifiers and description, then everything it is tied to. For a
 * network or association the members tab is its member list (the "network page").
 */
export function OrganisationPage() {
  const { slug = '' } = useParams();
  const { apiLanguage } = useLocale();
  const organisation = useQuery(organisationQuery(slug));
  const relations = useQuery(organisationRelationsQuery(slug, apiLanguage));
  return (
    <QueryState query={organisation} isPage>
      {(data) => (
        <Stack gap="xl">
          <OrganisationProfile organisation={data} />
          <OrganisationRelations organisation={data} query={relations} />
          {relations.data && <PartnerMap organisation={data} relations={relations.data} />}
          <OrganisationSources organisation={data} relations={relations.data} />
          <SuggestedPartners organisationId={data.id} />
          <OrganisationContacts organisationId={data.id} />
          <RecordHistory entity="organisation" id={data.id} />
        </Stack>
      )}
    </QueryState>
  );
}

function OrganisationProfile({ organisation }: { organisation: Organisation }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const { locale } = useLocale();
  const name = chooseName(organisation.names, locale, organisation.name);
  usePageTitle(name);
  const subtitle = [
    vocabulary.organisationKind(organisation.kind),
    organisation.country ? format.country(organisation.country) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{name}</Title>
        <Text c="dimmed" size="lg">
          {subtitle}
        </Text>
      </div>
      <OrganisationActions organisation={organisation} />
      <LocalisedText texts={organisation.description} maw="48rem" />
      <section aria-labelledby="identifiers">
        <Title order={2} size="h3" id="identifiers" mb="xs">
          {t('organisation.identifiers')}
        </Title>
        <Facts
          items={[
            {
              label: t('organisation.country'),
              value: organisation.country
                ? `${format.country(organisation.country)} (${organisation.country})`
                : undefined,
            },
            { label: t('organisation.lauCode'), value: organisation.lauCode },
            { label: t('organisation.nutsCode'), value: organisation.nutsCode },
            {
              label: 'GeoNames',
              value: organisation.geonamesId && (
                <Anchor href={`https://www.geonames.org/${organisation.geonamesId}`}>
                  {organisation.geonamesId}
                </Anchor>
              ),
            },
            {
              label: 'Wikidata',
              value: organisation.wikidataId && (
                <Anchor href={`https://www.wikidata.org/wiki/${organisation.wikidataId}`}>
                  {organisation.wikidataId}
                </Anchor>
              ),
            },
            {
              label: t('organisation.population'),
              value: organisation.population !== null ? format.number(organisation.population) : undefined,
            },
            {
              label: t('organisation.location'),
              value:
                organisation.latitude !== null && organisation.longitude !== null
                  ? t('map.coordinates', {
                      latitude: organisation.latitude,
                      longitude: organisation.longitude,
                    })
                  : undefined,
            },
            {
              label: t('organisation.founded'),
              value: organisation.foundedOn ? format.partialDate(organisation.foundedOn) : undefined,
            },
            {
              label: t('organisation.website'),
              value: organisation.website && (
                <Anchor href={organisation.website}>{organisation.website}</Anchor>
              ),
            },
          ]}
        />
      </section>
      <OrganisationNames names={organisation.names} />
      {organisation.themes.length > 0 && (
        <section aria-labelledby="organisation-themes">
          <Title order={2} size="h3" id="organisation-themes" mb="xs">
            {t('common.themes')}
          </Title>
          <Group>
            <ThemeList codes={organisation.themes} />
          </Group>
        </section>
      )}
    </Stack>
  );
}
