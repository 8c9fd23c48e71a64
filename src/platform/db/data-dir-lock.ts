import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded database's data directory. Two processes on one PGlite directory
 * corrupt it, so the second opener must be refused while the first runs.
 *
 * The lock is a file created with O_EXCL holding the owner's pid and host. A lock left by a process
 * that died (kill -9, power loss) is taken over when that pid no longer runs on this host, so a crash
 * never needs manual clean-up. See docs/decisions/0004-embedded-database-pglite.md.
 */
export interface DataDirLock {
  release(): void;
}

/** The data directory is in use by another running process. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    ownerHost?: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Pobratim process (pid ${ownerPid}${ownerHost ? ` on ${ownerHost}` : ''}). ` +
        'Only one process may open the embedded database: stop that process first, or talk to it through its HTTP API.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

const lockFileName = 'pobratim.lock';

/** Directories this process holds, so a lock file naming our own pid can be told apart from a stale one. */
const heldByThisProcess = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Takes the lock on `dataDir` (creating the directory), or throws {@link DataDirLockedError}. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, lockFileName);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' });
      heldByThisProcess.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldByThisProcess.delete(file);
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readOwner(file);
    if (heldByThisProcess.has(file)) throw new DataDirLockedError(dataDir, process.pid);
    if (current !== undefined && current.host !== owner.host) {
      throw new DataDirLockedError(
        dataDir,
        current.pid,
        `${current.host}; if that process is gone, delete ${file}`,
      );
    }
    if (current !== undefined && current.pid !== process.pid && isRunning(current.pid)) {
      throw new DataDirLockedError(dataDir, current.pid);
    }
    // A stale lock from a process that is gone: remove it and try again. Removing by rename keeps two
    // racing starters from both deleting and both succeeding.
    try {
      fs.renameSync(file, `${file}.stale-${process.pid}`);
      fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
    } catch {
      // Another starter removed it first; the next attempt decides.
    }
  }
  const current = readOwner(file);
  throw new DataDirLockedError(dataDir, current?.pid ?? -1);
}
