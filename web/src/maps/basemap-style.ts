/**
 * The map's style: a basemap drawn from country shapes shipped with the app (Natural Earth, through the
 * world-atlas package), so it needs no tile server and no network; optionally a raster tile layer on top
 * when the build names one (VITE_TILE_URL); then the cooperation layers, organisations and their ties.
 */
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { PlaceProperties, TieProperties } from './map-features';

/**
 * Colours chosen for WCAG 2.2 non-text contrast (1.4.11, at least 3:1) of what carries meaning against
 * both land and sea: organisations blue 9 (5.5:1 on land, 4.5:1 on sea), the page's organisation red 9
 * (5.0 / 4.0), partnerships orange 9 (3.9 / 3.2), memberships violet 9 (6.5 / 5.3), projects green 9
 * (4.0 / 3.2). Ties also differ by pattern (solid, dashed, dotted), so colour is never the only cue.
 */
export const mapColours = {
  sea: '#cfe0ee',
  land: '#f6f4ef',
  border: '#7a8088',
  place: '#1864ab',
  focus: '#c92a2a',
  halo: '#ffffff',
  partnership: '#d9480f',
  membership: '#5f3dc4',
  project: '#2b8a3e',
} as const;

/** Line patterns per tie kind, in line widths: what tells the kinds apart without colour. */
export const tieDashes = {
  partnership: undefined,
  membership: [3, 2],
  project: [1, 1.5],
} as const;

/** An online raster basemap: tile URL template (`{z}/{x}/{y}`) and the attribution its licence asks for. */
export interface TileLayerConfig {
  url: string;
  attribution: string;
}

/** The tile layer the build was configured with, or none: offline style only. */
export function configuredTileLayer(env: {
  VITE_TILE_URL?: string;
  VITE_TILE_ATTRIBUTION?: string;
}): TileLayerConfig | undefined {
  const url = env.VITE_TILE_URL?.trim();
  if (!url) return undefined;
  return { url, attribution: env.VITE_TILE_ATTRIBUTION?.trim() ?? '' };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The credit of the country shapes, with "public domain" in the reader's language. */
export function naturalEarthAttribution(publicDomain: string): string {
  return `<a href="https://www.naturalearthdata.com/">Natural Earth</a> (${escapeHtml(publicDomain)})`;
}

export interface BasemapInput {
  countries: FeatureCollection<Polygon | MultiPolygon>;
  places: FeatureCollection<Point, PlaceProperties>;
  ties: FeatureCollection<LineString, TieProperties>;
  tiles?: TileLayerConfig;
  /** "public domain", translated, for the Natural Earth credit. */
  publicDomain: string;
}

/** Layer ids the map component listens on. */
export const placeLayerId = 'places';

/** The whole style: basemap, optional tiles, ties, then organisations on top. */
export function cooperationMapStyle({
  countries,
  places,
  ties,
  tiles,
  publicDomain,
}: BasemapInput): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    countries: { type: 'geojson', data: countries, attribution: naturalEarthAttribution(publicDomain) },
    ties: { type: 'geojson', data: ties },
    places: { type: 'geojson', data: places },
  };
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': mapColours.sea } },
    { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': mapColours.land } },
  ];
  if (tiles) {
    sources.tiles = { type: 'raster', tiles: [tiles.url], tileSize: 256, attribution: tiles.attribution };
    // Over the offline land, so the map still shows countries when the tiles cannot be fetched.
    layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  } else {
    layers.push({
      id: 'borders',
      type: 'line',
      source: 'countries',
      paint: {
        'line-color': mapColours.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2],
      },
    });
  }
  for (const kind of ['project', 'membership', 'partnership'] as const) {
    const dash = tieDashes[kind];
    layers.push({
      id: `ties-${kind}`,
      type: 'line',
      source: 'ties',
      filter: ['==', ['get', 'kind'], kind],
      layout: { 'line-cap': kind === 'partnership' ? 'round' : 'butt' },
      paint: {
        'line-color': mapColours[kind],
        'line-width': 2,
        ...(dash ? { 'line-dasharray': [...dash] } : {}),
      },
    });
  }
  layers.push({
    id: placeLayerId,
    type: 'circle',
    source: 'places',
    paint: {
      'circle-color': ['case', ['get', 'isFocus'], mapColours.focus, mapColours.place],
      // A zoom curve must be the outermost expression; the focus is larger at every zoom.
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        2,
        ['case', ['get', 'isFocus'], 7, 4],
        7,
        ['case', ['get', 'isFocus'], 10, 7],
      ],
      'circle-stroke-color': mapColours.halo,
      'circle-stroke-width': ['case', ['get', 'isFocus'], 2.5, 1.5],
    },
  });
  return { version: 8, sources, layers };
}
