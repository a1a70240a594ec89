import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class FolderLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite takes no lock on its folder; two processes writing one folder corrupt it. We take a
 * pid lock file ourselves, clear it when its owner is gone (kill -9), and refuse a live owner.
 */
const heldHere = new Set<string>();

export function acquireFolderLock(dir: string): () => Promise<void> {
  const path = join(dir, 'switchboard.lock');
  if (heldHere.has(path)) {
    throw new FolderLockedError(`The data folder ${dir} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(path, 'utf8').trim());
      // Our own pid in the file without our holding it means a previous process with the same pid.
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new FolderLockedError(
          `The data folder ${dir} is in use by another Switchboard process (pid ${owner}). ` +
            'Stop that process, or start this one with another DATA_DIR. ' +
            'To run several instances on one database, use a PostgreSQL server (DATABASE_URL).',
        );
      }
      unlinkSync(path); // stale: its owner died without cleaning up
    }
  }
  throw new FolderLockedError(`Could not lock the data folder ${dir}`);
}
