import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { configuredTileLayer, cooperationMapStyle, naturalEarthAttribution } from './basemap-style';
import { placesToFeatures, tiesToFeatures, type MapPlace } from './map-features';

const countries: FeatureCollection<Polygon | MultiPolygon> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Croatia' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [13.5, 45.5],
            [19.4, 45.9],
            [18.5, 42.4],
            [13.5, 45.5],
          ],
        ],
      },
    },
  ],
};
const places: MapPlace[] = [
  { id: 'z', slug: 'zagreb', name: 'Zagreb', longitude: 15.98, latitude: 45.81, isFocus: true },
  { id: 'v', slug: 'vienna', name: 'Vienna', longitude: 16.37, latitude: 48.21 },
];
const input = {
  countries,
  places: placesToFeatures(places),
  ties: tiesToFeatures([{ fromId: 'z', toId: 'v', kind: 'partnership' }], places),
  publicDomain: 'javno dobro',
};

describe('the cooperation map’s style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(cooperationMapStyle(input))).toEqual([]);
  });

  it('needs no network: every source is data shipped with the page', () => {
    const style = cooperationMapStyle(input);
    expect(Object.values(style.sources).map((source) => source.type)).toEqual([
      'geojson',
      'geojson',
      'geojson',
    ]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('credits Natural Earth for the country shapes, in the reader’s language', () => {
    const style = cooperationMapStyle(input);
    expect(style.sources.countries).toMatchObject({
      attribution: '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (javno dobro)',
    });
    expect(naturalEarthAttribution('<b>')).toContain('(&#60;b&#62;)');
  });

  it('adds a configured tile layer, with its attribution, over the offline countries', () => {
    const tiles = configuredTileLayer({
      VITE_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
      VITE_TILE_ATTRIBUTION: '© Example',
    });
    const style = cooperationMapStyle({ ...input, tiles });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources.tiles).toMatchObject({
      type: 'raster',
      tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'],
      attribution: '© Example',
    });
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.indexOf('tiles')).toBeGreaterThan(ids.indexOf('land'));
    expect(ids.indexOf('tiles')).toBeLessThan(ids.indexOf('places'));
  });

  it('stays offline when no tile URL is configured', () => {
    expect(configuredTileLayer({})).toBeUndefined();
    expect(configuredTileLayer({ VITE_TILE_URL: '  ' })).toBeUndefined();
  });
});
