/**
 * What a cooperation map draws, as plain data: organisations with a location and the ties between them,
 * turned into GeoJSON for the map library. Pure functions, so the pages (and tests) can build them without
 * loading the map itself.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

/** An organisation with a location, as a circle on the map. */
export interface MapPlace {
  id: string;
  slug: string;
  name: string;
  longitude: number;
  latitude: number;
  /** The organisation the page is about: drawn larger and in another colour. */
  isFocus?: boolean;
}

/** The kinds of tie a map draws, each with its own line pattern (colour is not the only difference). */
export const tieKinds = ['partnership', 'membership', 'project'] as const;
export type TieKind = (typeof tieKinds)[number];

/** A tie between two organisations, drawn as a line when both have a location. */
export interface MapTie {
  fromId: string;
  toId: string;
  kind: TieKind;
}

/** The properties of a place's point feature; the map reads them back on click. */
export interface PlaceProperties {
  id: string;
  slug: string;
  name: string;
  isFocus: boolean;
}

export interface TieProperties {
  kind: TieKind;
}

/** Whether a record has both coordinates, and they are on the globe. */
export function hasLocation<T extends { latitude: number | null; longitude: number | null }>(
  record: T,
): record is T & { latitude: number; longitude: number } {
  return (
    record.latitude !== null &&
    record.longitude !== null &&
    Math.abs(record.latitude) <= 90 &&
    Math.abs(record.longitude) <= 180
  );
}

/** The places as point features, the focus last so it is drawn on top. */
export function placesToFeatures(places: readonly MapPlace[]): FeatureCollection<Point, PlaceProperties> {
  const ordered = [...places.filter((place) => !place.isFocus), ...places.filter((place) => place.isFocus)];
  return {
    type: 'FeatureCollection',
    features: ordered.map((place): Feature<Point, PlaceProperties> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [place.longitude, place.latitude] },
      properties: { id: place.id, slug: place.slug, name: place.name, isFocus: place.isFocus === true },
    })),
  };
}

/**
 * The ties whose two ends are both on the map, as straight lines; one line per pair and kind, however many
 * records tie the pair, and none from an organisation to itself.
 */
export function tiesToFeatures(
  ties: readonly MapTie[],
  places: readonly MapPlace[],
): FeatureCollection<LineString, TieProperties> {
  const byId = new Map(places.map((place) => [place.id, place]));
  const seen = new Set<string>();
  const features: Feature<LineString, TieProperties>[] = [];
  for (const tie of ties) {
    const from = byId.get(tie.fromId);
    const to = byId.get(tie.toId);
    if (!from || !to || from.id === to.id) continue;
    const key = [from.id, to.id].sort().join(' ') + ` ${tie.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    features.push({
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [from.longitude, from.latitude],
          [to.longitude, to.latitude],
        ],
      },
      properties: { kind: tie.kind },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** South-west and north-east corners around the places, or undefined when there are none. */
export function boundsOf(
  places: readonly Pick<MapPlace, 'longitude' | 'latitude'>[],
): [[number, number], [number, number]] | undefined {
  if (places.length === 0) return undefined;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const { longitude, latitude } of places) {
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/** The ties present among the places, in the order of `tieKinds`: what the legend explains. */
export function tieKindsShown(ties: readonly MapTie[], places: readonly MapPlace[]): TieKind[] {
  const present = new Set(tiesToFeatures(ties, places).features.map((feature) => feature.properties.kind));
  return tieKinds.filter((kind) => present.has(kind));
}
