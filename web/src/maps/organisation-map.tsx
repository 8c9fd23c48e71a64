import { Text } from '@mantine/core';
import type { Schemas } from '../api/client';
import { chooseName } from '../i18n/choose-text';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { CooperationMap } from './cooperation-map';
import { usePartnerMap } from './use-map-data';

const collectiveKinds = new Set(['association', 'network']);

/**
 * An organisation's map: it and its partners, with lines to them; for a network or association, its
 * members. Says how many of them have no location and so are only in the list.
 */
export function OrganisationMap({
  organisation,
  relations,
}: {
  organisation: Schemas['Organisation'];
  relations: Schemas['OrganisationRelations'];
}) {
  const t = useT();
  const { locale } = useLocale();
  const { places, ties, unplaced, isLoading } = usePartnerMap(organisation, relations);
  const name = chooseName(organisation.names, locale, organisation.name);
  const label = t(collectiveKinds.has(organisation.kind) ? 'map.region.network' : 'map.region.organisation', {
    name,
  });
  return (
    <>
      {places.length > 0 && <CooperationMap places={places} ties={ties} label={label} />}
      {!isLoading && unplaced > 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('map.unplaced', { count: unplaced })}
        </Text>
      )}
    </>
  );
}
