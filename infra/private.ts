// What the product writes under DATA_DIR (secrets, the Temporal database, the payment ledger,
// logs) is for the user running it alone: folders 0700, files 0600, tightened again on every
// start so a data dir made by an older version is closed too.
import fs from 'node:fs';

/** Creates `dir` (and missing parents) or tightens it, to 0700. */
export function privateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Tightens an existing file to 0600; a missing one is left missing. */
export function privateFile(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * The data dir itself: 0700, or 0711 when we are root, because embedded PostgreSQL then runs as
 * the `postgres` OS user, which must pass through it to its own folder (it cannot list it, nor
 * open anything else in it: those are 0700 and root's).
 */
export function privateDataDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, process.getuid?.() === 0 ? 0o711 : 0o700);
  return dir;
}
