import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { placeQuery, useAddPlaceToRegistry } from '../../api/places';
import { Facts } from '../../components/facts';
import { usePageTitle } from '../../components/page-title';
import { ErrorState, QueryState } from '../../components/query-state';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/** A place of the gazetteer: its names and, when it is not in the registry yet, a way to add it. */
export function PlacePage() {
  const { geonamesId = '' } = useParams();
  const query = useQuery(placeQuery(Number(geonamesId)));
  return (
    <QueryState query={query} isPage>
      {(place) => <PlaceView place={place} />}
    </QueryState>
  );
}

function PlaceView({ place }: { place: Schemas['Place'] }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const addToRegistry = useAddPlaceToRegistry();
  usePageTitle(place.name);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{place.name}</Title>
        <Text c="dimmed" size="lg">
          {[place.localName !== place.name ? place.localName : undefined, format.country(place.country)]
            .filter(Boolean)
            .join(', ')}
        </Text>
      </div>
      {place.organisation ? (
        <Alert color="blue" variant="light" title={t('place.inRegistryTitle')}>
          <Anchor component={Link} to={`/organisations/${place.organisation.slug}`}>
            {t('place.inRegistry', { name: place.organisation.name })}
          </Anchor>
        </Alert>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text>{t('place.notInRegistry')}</Text>
          <Button
            loading={addToRegistry.isPending}
            onClick={() =>
              addToRegistry.mutate(place.geonamesId, {
                onSuccess: (organisation) => void navigate(`/organisations/${organisation.slug}`),
              })
            }
          >
            {t('place.add')}
          </Button>
          {addToRegistry.isError && <ErrorState error={addToRegistry.error} />}
        </Stack>
      )}
      <Facts
        items={[
          { label: t('organisation.country'), value: `${format.country(place.country)} (${place.country})` },
          {
            label: t('organisation.population'),
            value: place.population ? format.number(place.population) : undefined,
          },
          {
            label: t('organisation.location'),
            value: t('map.coordinates', { latitude: place.latitude, longitude: place.longitude }),
          },
          { label: t('organisation.lauCode'), value: place.lauCode },
          { label: t('organisation.nutsCode'), value: place.nutsCode },
          {
            label: 'GeoNames',
            value: <Anchor href={`https://www.geonames.org/${place.geonamesId}`}>{place.geonamesId}</Anchor>,
          },
        ]}
      />
      <section aria-labelledby="place-names">
        <Title order={2} size="h3" id="place-names" mb="xs">
          {t('organisation.names')}
        </Title>
        <ul>
          {place.names.map((name) => (
            <li key={name.name}>
              <span lang={name.languages.find((language) => language !== 'und')}>{name.name}</span>
              {name.languages.filter((language) => language !== 'und').length > 0 && (
                <Text component="span" size="sm" c="dimmed">
                  {' '}
                  (
                  {name.languages
                    .filter((language) => language !== 'und')
                    .map((language) => format.language(language))
                    .join(', ')}
                  )
                </Text>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Stack>
  );
}
