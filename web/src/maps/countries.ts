/**
 * Country shapes for the offline basemap: Natural Earth's 1:50m countries (public domain) as TopoJSON from
 * the world-atlas package (ISC). The build copies the file into its assets, so it is served by our own
 * server and fetched only by pages that draw a map.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import countriesUrl from 'world-atlas/countries-50m.json?url';

type Topology = Parameters<typeof feature>[0];

let loading: Promise<FeatureCollection<Polygon | MultiPolygon>> | undefined;

/** The countries as GeoJSON, fetched and converted once per page load. */
export function loadCountries(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  loading ??= fetchCountries().catch((error: unknown) => {
    loading = undefined; // let a later map try again
    throw error;
  });
  return loading;
}

async function fetchCountries(): Promise<FeatureCollection<Polygon | MultiPolygon>> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`The country shapes could not be loaded (${response.status}).`);
  const topology = (await response.json()) as Topology;
  const countries = topology.objects.countries;
  if (!countries) throw new Error('The country shapes have no "countries" object.');
  return feature(topology, countries) as FeatureCollection<Polygon | MultiPolygon>;
}
