import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/ is two levels below it). */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What a benchmark ran on, so that its numbers can be compared with another run's. */
export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  pglite: string;
  date: string;
}

function packageVersion(name: string): string {
  try {
    const file = path.join(repositoryRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pglite: packageVersion('@electric-sql/pglite'),
    date: new Date().toISOString().slice(0, 10),
  };
}

/** The command line that ran the benchmark, as a reader would type it (DATABASE_URL's password hidden). */
export function describeCommand(npmScript: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) return `npm run ${npmScript}`;
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return `DATABASE_URL=${shown.toString()} npm run ${npmScript}`;
}

/** The machine as a Markdown bullet list. */
export function machineMarkdown(machine: MachineDescription, command: string, extra: string[] = []): string {
  return [
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Node ${machine.node}, PGlite ${machine.pglite}${extra.length ? `, ${extra.join(', ')}` : ''}`,
    `- Date: ${machine.date}`,
    `- Command: \`${command}\``,
  ].join('\n');
}
