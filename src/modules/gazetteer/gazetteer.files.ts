/**
 * The shipped gazetteer's file format, shared by the build script (which writes it) and the import
 * (which reads it): gzip'd TSV files with a header row, plus `manifest.json`.
 *
 * Values never contain a tab, line break or backslash (the build refuses such a value), so a row is a
 * plain split on tabs. An empty field is absent (null).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Where the shipped gazetteer lives: `reference/gazetteer/` at the repository root (also from dist/). */
export const referenceDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference/gazetteer',
);

export const manifestFile = 'manifest.json';

/** The three data files, their names and their columns, in order. */
export const gazetteerFiles = {
  places: {
    file: 'places.tsv.gz',
    columns: [
      'geonames_id',
      'name',
      'name_en',
      'country',
      'feature_code',
      'admin1_code',
      'population',
      'latitude',
      'longitude',
      'lau_code',
      'nuts_code',
    ],
  },
  placeNames: { file: 'place-names.tsv.gz', columns: ['geonames_id', 'name', 'languages'] },
  countries: { file: 'countries.tsv.gz', columns: ['code', 'names'] },
} as const;

export type GazetteerFileKey = keyof typeof gazetteerFiles;

/** The language tag of a place's GeoNames default (local) name: "undetermined" in BCP 47. */
export const defaultNameLanguage = 'und';

export interface ManifestFileEntry {
  file: string;
  bytes: number;
  sha256: string;
  rows: number;
}

export interface ManifestSourceEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** `manifest.json`: what the files hold, where they came from, and their combined version. */
export interface GazetteerManifest {
  /** sha256 over the three data files' sha256 sums (places, place names, countries). */
  version: string;
  files: Record<GazetteerFileKey, ManifestFileEntry>;
  sources: ManifestSourceEntry[];
  attribution: string[];
  /** Statistics of the LAU/NUTS matching, for the record. */
  lauMatching: Record<string, unknown>;
}

export type TsvValue = string | number | null | undefined;

/** Hex sha256 of bytes. */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The version of a gazetteer: one hash over the data files' hashes, in a fixed order. */
export function gazetteerVersion(files: Record<GazetteerFileKey, { sha256: string }>): string {
  return sha256([files.places.sha256, files.placeNames.sha256, files.countries.sha256].join('\n'));
}

/**
 * Encodes rows as gzip'd TSV. Deterministic: gzip's header carries no name and mtime 0, so the same rows
 * give the same bytes (with the same zlib).
 */
export function encodeTsv(columns: readonly string[], rows: readonly TsvValue[][]): Buffer {
  const lines = [columns.join('\t')];
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`Row has ${row.length} values, expected ${columns.length}.`);
    lines.push(
      row
        .map((value) => {
          const text = value === null || value === undefined ? '' : String(value);
          if (/[\t\n\r\\]/.test(text))
            throw new Error(`Value contains a tab, line break or backslash: ${text}`);
          return text;
        })
        .join('\t'),
    );
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

/** Decodes gzip'd TSV into rows of strings (without the header), checking the header. */
export function decodeTsv(bytes: Buffer, columns: readonly string[]): string[][] {
  const text = gunzipSync(bytes).toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = lines.shift();
  if (header !== columns.join('\t')) {
    throw new Error(`Unexpected gazetteer columns "${header}", expected "${columns.join('\t')}".`);
  }
  return lines.map((line) => line.split('\t'));
}

/** Reads and parses `manifest.json` from a gazetteer directory. */
export async function readManifest(dir: string): Promise<GazetteerManifest> {
  return JSON.parse(await fs.readFile(path.join(dir, manifestFile), 'utf8')) as GazetteerManifest;
}
