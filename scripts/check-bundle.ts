/**
 * Checks the web application's first download on the home page (`npm run build:web` first): the gzipped
 * JavaScript of the entry, the home page's chunk, the English catalogue and everything they import
 * statically. Fails above the budget, or when any of it holds the map library, which must load only with
 * the pages that draw maps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKilobytes = 250;
const distDir = 'web/dist';
/** What the home route loads before it can show anything: its page chunk and the default catalogue. */
const homeRouteModules = ['src/pages/home/home-page.tsx', 'src/i18n/messages/en.json'];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifestPath = path.join(distDir, '.vite', 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: run \`npm run build:web\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

const entries = Object.entries(manifest)
  .filter(([, chunk]) => chunk.isEntry)
  .map(([key]) => key);
const roots = [...entries, ...homeRouteModules];
for (const key of homeRouteModules) {
  if (!manifest[key]) {
    console.error(
      `The manifest has no chunk for ${key}; update homeRouteModules in scripts/check-bundle.ts.`,
    );
    process.exit(1);
  }
}

// Everything the roots import statically, transitively: the browser fetches all of it at once.
const loaded = new Set<string>();
const visit = (key: string) => {
  if (loaded.has(key)) return;
  loaded.add(key);
  for (const imported of manifest[key]?.imports ?? []) visit(imported);
};
roots.forEach(visit);

let totalBytes = 0;
const offenders: string[] = [];
const rows = [...loaded]
  .map((key) => {
    const file = manifest[key]!.file;
    const content = fs.readFileSync(path.join(distDir, file));
    const gzipped = gzipSync(content).length;
    totalBytes += gzipped;
    if (/maplibre/i.test(content.toString('utf8'))) offenders.push(file);
    return { file, gzipped };
  })
  .sort((a, b) => b.gzipped - a.gzipped);

for (const row of rows) console.log(`${(row.gzipped / 1024).toFixed(1).padStart(8)} KB  ${row.file}`);
const totalKilobytes = totalBytes / 1024;
console.log(
  `${totalKilobytes.toFixed(1).padStart(8)} KB  home page first load, JavaScript gzipped (budget ${budgetKilobytes} KB)`,
);

let failed = false;
if (totalKilobytes > budgetKilobytes) {
  console.error(`Over budget by ${(totalKilobytes - budgetKilobytes).toFixed(1)} KB.`);
  failed = true;
}
if (offenders.length > 0) {
  console.error(`The map library is in the home page's first load: ${offenders.join(', ')}.`);
  failed = true;
}
process.exit(failed ? 1 : 0);
