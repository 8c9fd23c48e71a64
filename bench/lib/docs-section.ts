import fs from 'node:fs/promises';
import path from 'node:path';
import prettier from 'prettier';
import { repositoryRoot } from './machine.js';

/** The page every benchmark writes its section of. */
export const benchmarksPage = path.join(repositoryRoot, 'docs', 'benchmarks.md');

const introduction = `# Benchmarks

Benchmarks are scripts in \`bench/\` that print Markdown tables; they are not timed assertions in tests.

- \`npm run bench\` runs every benchmark; \`npm run bench:<name>\` runs one (\`npm run bench:search\`).
- They always measure the embedded database (PGlite, in a fresh temporary data directory). With
  \`DATABASE_URL\` set they measure that PostgreSQL server too, in a database of their own that they create
  and drop (\`pobratim_bench\`), so the connection's user must be allowed to create databases.
- They only talk to \`127.0.0.1\`, and each replaces its own section of this page with its latest tables.

The numbers below come from the project's 2-core development machine (the exact machine, date and command
head each section). Compare numbers only between runs on the same machine.
`;

/**
 * Replaces the `## <title>` section of docs/benchmarks.md (up to the next `## ` heading) with `body`,
 * creating the page with its introduction, or appending the section, when missing.
 */
export async function writeBenchmarkSection(title: string, body: string): Promise<void> {
  let page: string;
  try {
    page = await fs.readFile(benchmarksPage, 'utf8');
  } catch {
    page = introduction;
  }
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = page.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) {
    page = `${page.trimEnd()}\n\n${section}`;
  } else {
    const relativeEnd = lines.slice(start + 1).findIndex((line) => /^## /.test(line));
    const end = relativeEnd === -1 ? lines.length : start + 1 + relativeEnd;
    const after = lines.slice(end).join('\n');
    page = `${lines.slice(0, start).join('\n')}${start > 0 ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
  }
  // Formatted as `npm run lint` expects (tables aligned), with the project's Prettier settings.
  const options = (await prettier.resolveConfig(benchmarksPage)) ?? {};
  const formatted = await prettier.format(page, { ...options, filepath: benchmarksPage });
  await fs.mkdir(path.dirname(benchmarksPage), { recursive: true });
  await fs.writeFile(benchmarksPage, formatted);
}
