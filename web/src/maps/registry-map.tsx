import type { Schemas } from '../api/client';
import { useT } from '../i18n/use-t';
import { CooperationMap } from './cooperation-map';
import { useRegistryMap } from './use-map-data';

/** The home page's map: the registry's organisations with a location and the ties among them. */
export function RegistryMap({ organisations }: { organisations: readonly Schemas['Organisation'][] }) {
  const t = useT();
  const { places, ties } = useRegistryMap(organisations);
  return <CooperationMap places={places} ties={ties} label={t('map.region.home')} />;
}
