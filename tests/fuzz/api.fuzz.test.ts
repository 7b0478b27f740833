// Fuzzing: schemathesis generates requests from /api/openapi.json (examples, coverage, fuzzing
// and stateful phases) against a stack of its own — it may create users, change policies and
// cancel cases — signed in as each kind of user. Zero 5xx responses, zero responses that violate
// the documented schema. FUZZ_EXAMPLES scales it up (CI size: at least 1,000 requests).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSchemathesis } from '../support/schemathesis';
import { allocatePorts, startStackProcess, stopStackProcess, type StackProcess } from '../support/stackProcess';

const EXAMPLES = Number(process.env.FUZZ_EXAMPLES ?? 12);
let proc: StackProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-fuzz-'));
  fs.chmodSync(dataDir, 0o755);
  proc = await startStackProcess(dataDir, await allocatePorts(), path.join(__dirname, '..', 'artifacts', 'fuzz-stack.log'));
}, 240_000);

afterAll(async () => {
  if (proc) await stopStackProcess(proc);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function token(username: string): Promise<string> {
  const r = await fetch(`${proc.ready.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await r.json()) as { token: string }).token;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), { env });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

test.each(['supervisor1', 'tksk1', 'admin'])(
  'schemathesis as %s: no 5xx, responses match the schema',
  async (user) => {
    const st = ensureSchemathesis();
    const base = proc.ready.apiUrl;
    const report = path.join(__dirname, '..', 'artifacts', `schemathesis-${user}.log`);
    const { code, out } = await run(
      [
        st.bin,
        'run',
        `${base}/api/openapi.json`,
        '--url',
        base,
        '-H',
        `Authorization: Bearer ${await token(user)}`,
        '--checks',
        'not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance',
        '--max-examples',
        String(EXAMPLES),
        '--seed',
        '20261127',
        // Sign-in attempts would trip the per-address throttle for everyone else.
        '--exclude-path',
        '/api/auth/login',
        '--request-timeout',
        '30',
      ],
      st.env,
    );
    fs.writeFileSync(report, out);
    const m = /(\d+) generated, (\d+) passed/.exec(out);
    expect({ code, summary: m?.[0] ?? out.slice(-2000) }).toEqual({ code: 0, summary: expect.stringMatching(/generated/) });
    const generated = Number(m![1]);
    expect(generated).toBeGreaterThanOrEqual(300);
    expect(Number(m![2])).toBe(generated);
  },
  600_000,
);
