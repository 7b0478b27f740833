// Local mode generates secrets once into the data dir (mode 600) so restarts keep sessions and,
// later, encrypted payloads readable. Production passes them in the environment.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseKeyRing } from '../domain/seal';
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

/**
 * A key ring from the environment: `<NAME>_KEYS = "id1:base64,id2:base64"` (every key still
 * accepted) and `<NAME>_KEY_ID` (the one new data uses, by default the last). Production must
 * pass them; local mode generates one key once into the data dir.
 */
export function keyRingFromEnv(
  env: NodeJS.ProcessEnv,
  name: 'PAYLOAD' | 'SEAL',
  opts: { dataDir: string; production: boolean; localName: string },
): { spec: string; keys: Map<string, Buffer>; currentKeyId: string } {
  let spec = env[`${name}_KEYS`];
  let current = env[`${name}_KEY_ID`];
  if (!spec) {
    if (opts.production) throw new Error(`${name}_KEYS and ${name}_KEY_ID are required in production`);
    spec = `local-1:${localSecret(opts.dataDir, opts.localName, 32, 'base64')}`;
    current = 'local-1';
  }
  const keys = new Map([...parseKeyRing(spec, `${name}_KEYS`, 1)].map(([id, key]) => [id, Buffer.from(key)] as const));
  const currentKeyId = current ?? [...keys.keys()].pop()!;
  if (!keys.has(currentKeyId)) throw new Error(`${name}_KEY_ID ${currentKeyId} is not among ${name}_KEYS`);
  return { spec, keys, currentKeyId };
}
