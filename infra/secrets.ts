// Local mode generates secrets once into the data dir (mode 600) so restarts keep sessions and,
// later, encrypted payloads readable. Production passes them in the environment.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { privateDir, privateFile } from './private';

export function localSecret(dataDir: string, name: string, bytes = 32, encoding: BufferEncoding = 'base64url'): string {
  const file = path.join(privateDir(path.join(dataDir, 'secrets')), name);
  if (fs.existsSync(file)) {
    privateFile(file);
    return fs.readFileSync(file, 'utf8').trim();
  }
  const value = randomBytes(bytes).toString(encoding);
  try {
    fs.writeFileSync(file, value, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
  return value;
}
