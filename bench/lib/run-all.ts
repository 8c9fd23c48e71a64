/**
 * `npm run bench`: runs every benchmark script in bench/ (each `bench/<name>.ts`: durability, matching,
 * search), one after another, with the same environment and arguments, stopping at the first that fails.
 * A new script is included by being there; each ignores the arguments it does not know.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './machine.js';

const benchDir = path.join(repositoryRoot, 'bench');
const scripts = fs
  .readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts'))
  .sort();

for (const script of scripts) {
  console.error(`[bench] ${script}`);
  const { status } = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(benchDir, script), ...process.argv.slice(2)],
    {
      cwd: repositoryRoot,
      stdio: 'inherit',
    },
  );
  if (status !== 0) {
    console.error(`[bench] ${script} failed (exit code ${status}).`);
    process.exit(status ?? 1);
  }
}
