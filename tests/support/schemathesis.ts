// schemathesis (PyPI) for API fuzzing, installed on demand into the git-ignored .tools/ folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';
const ROOT = path.resolve(__dirname, '..', '..');
const TARGET = path.join(ROOT, '.tools', `schemathesis-${SCHEMATHESIS_VERSION}`);

export function ensureSchemathesis(): { bin: string; env: NodeJS.ProcessEnv } {
  const bin = path.join(TARGET, 'bin', 'schemathesis');
  if (!fs.existsSync(bin)) {
    const r = spawnSync(
      'python3',
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', TARGET, `schemathesis==${SCHEMATHESIS_VERSION}`],
      {
        stdio: 'inherit',
        env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' },
      },
    );
    if (r.status !== 0 || !fs.existsSync(bin)) throw new Error('could not install schemathesis from PyPI');
  }
  return { bin, env: { ...process.env, PYTHONPATH: TARGET } };
}
