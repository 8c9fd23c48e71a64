import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  hasLocation,
  placesToFeatures,
  tieKindsShown,
  tiesToFeatures,
  type MapPlace,
} from './map-features';

const zagreb: MapPlace = { id: 'z', slug: 'zagreb', name: 'Zagreb', longitude: 15.98, latitude: 45.81 };
const vienna: MapPlace = { id: 'v', slug: 'vienna', name: 'Beč', longitude: 16.37, latitude: 48.21 };
const sofia: MapPlace = { id: 's', slug: 'sofia', name: 'Sofija', longitude: 23.32, latitude: 42.7 };

describe('cooperation map features', () => {
  it('places organisations by longitude then latitude, with the name the reader sees', () => {
    const { features } = placesToFeatures([zagreb]);
    expect(features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [15.98, 45.81] },
        properties: { id: 'z', slug: 'zagreb', name: 'Zagreb', isFocus: false },
      },
    ]);
  });

  it('draws the page’s own organisation last, on top of the others', () => {
    const { features } = placesToFeatures([{ ...zagreb, isFocus: true }, vienna, sofia]);
    expect(features.map((feature) => feature.properties.slug)).toEqual(['vienna', 'sofia', 'zagreb']);
    expect(features.at(-1)?.properties.isFocus).toBe(true);
  });

  it('draws a tie only when both organisations are on the map', () => {
    const { features } = tiesToFeatures(
      [
        { fromId: 'z', toId: 'v', kind: 'partnership' },
        { fromId: 'z', toId: 'network-without-location', kind: 'membership' },
      ],
      [zagreb, vienna],
    );
    expect(features).toHaveLength(1);
    expect(features[0]?.geometry.coordinates).toEqual([
      [15.98, 45.81],
      [16.37, 48.21],
    ]);
  });

  it('draws one line per pair and kind, whichever way round the records name them', () => {
    const { features } = tiesToFeatures(
      [
        { fromId: 'z', toId: 'v', kind: 'partnership' },
        { fromId: 'v', toId: 'z', kind: 'partnership' },
        { fromId: 'z', toId: 'v', kind: 'project' },
        { fromId: 'z', toId: 'z', kind: 'membership' },
      ],
      [zagreb, vienna],
    );
    expect(features.map((feature) => feature.properties.kind)).toEqual(['partnership', 'project']);
  });

  it('lists the kinds of tie shown, in the legend’s order', () => {
    const ties = [
      { fromId: 'z', toId: 's', kind: 'project' as const },
      { fromId: 'z', toId: 'v', kind: 'partnership' as const },
      { fromId: 'z', toId: 'elsewhere', kind: 'membership' as const },
    ];
    expect(tieKindsShown(ties, [zagreb, vienna, sofia])).toEqual(['partnership', 'project']);
  });

  it('frames the places from south-west to north-east', () => {
    expect(boundsOf([zagreb, vienna, sofia])).toEqual([
      [15.98, 42.7],
      [23.32, 48.21],
    ]);
    expect(boundsOf([])).toBeUndefined();
  });

  it('leaves off records without both coordinates or with coordinates off the globe', () => {
    expect(hasLocation({ latitude: 45.8, longitude: 15.9 })).toBe(true);
    expect(hasLocation({ latitude: null, longitude: 15.9 })).toBe(false);
    expect(hasLocation({ latitude: 45.8, longitude: null })).toBe(false);
    expect(hasLocation({ latitude: 91, longitude: 15.9 })).toBe(false);
  });
});
