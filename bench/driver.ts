// Drives cases through the full lifecycle over HTTP the way a careful client would: it retries
// network errors and 5xx with backoff, registers with an Idempotency-Key, and treats a 409 on a
// task it already completed as done. Used by the benchmark and the chaos run; records latency
// per endpoint.
import { randomUUID } from 'node:crypto';
import { exampleRegistrationWithSerial } from '../domain/case';

export type Latencies = Map<string, number[]>;

export interface DriverOptions {
  baseUrl: string;
  latencies?: Latencies;
  /** Give up on one request after this long (chaos: the dependency may be down for a while). */
  retryForMs?: number;
  /** A person's pause before each action (paced runs); 0 = back to back. */
  thinkMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ApiClient {
  private tokens = new Map<string, string>();
  constructor(private readonly o: DriverOptions) {}

  private record(name: string, ms: number) {
    if (!this.o.latencies) return;
    const list = this.o.latencies.get(name) ?? [];
    list.push(ms);
    this.o.latencies.set(name, list);
  }

  /** One logical request, retried on transport errors, 5xx and 429 until retryForMs. */
  async request(
    name: string,
    method: string,
    path: string,
    opts: { user?: string; body?: unknown; idempotencyKey?: string } = {},
  ): Promise<{ status: number; body: any }> {
    const deadline = Date.now() + (this.o.retryForMs ?? 30_000);
    let wait = 200;
    for (;;) {
      const headers: Record<string, string> = {};
      if (opts.user) headers.authorization = `Bearer ${await this.token(opts.user)}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
      const started = performance.now();
      try {
        const res = await fetch(`${this.o.baseUrl}${path}`, {
          method,
          headers,
          body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          signal: AbortSignal.timeout(60_000),
        });
        const text = await res.text();
        if (res.status === 401 && opts.user) {
          this.tokens.delete(opts.user);
        } else if (res.status === 409 && opts.idempotencyKey && /still being processed/.test(text)) {
          // The first attempt with this key is in flight (or died and will be taken over): wait.
        } else if (res.status < 500 && res.status !== 429) {
          this.record(name, performance.now() - started);
          return { status: res.status, body: text ? JSON.parse(text) : undefined };
        }
      } catch {
        // connection refused / reset / timeout: the API or a dependency is restarting
      }
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer within ${this.o.retryForMs ?? 30_000} ms`);
      await sleep(wait);
      wait = Math.min(wait * 2, 2_000);
    }
  }

  async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const r = await this.request('POST /api/auth/login', 'POST', '/api/auth/login', { body: { username: user, password: 'demo' } });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status}`);
    this.tokens.set(user, r.body.token);
    return r.body.token;
  }

  /** The open task of a type in a workflow, waiting until the workflow has created it. */
  async openTask(user: string, workflowId: string, type: string, timeoutMs = 60_000): Promise<{ id: string }> {
    const q = encodeURIComponent(JSON.stringify({ status: 'open', type, workflowId }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.request('GET /api/tasks', 'GET', `/api/tasks?filter=${q}`, { user });
      const t = (r.body as { id: string; workflowId: string }[])[0];
      if (t) return t;
      if (Date.now() > deadline) throw new Error(`no open ${type} task in ${workflowId} for ${user}`);
      await sleep(200);
    }
  }

  /** A person's pause before acting: thinkMs on average, spread ±50% so users don't act in step. */
  async think(): Promise<void> {
    if (this.o.thinkMs) await sleep(this.o.thinkMs * (0.5 + Math.random()));
  }

  /** Completes a task; a 409 for a task that is (or soon shows as) completed, by our earlier try, counts as done. */
  async complete(user: string, workflowId: string, type: string, body: { outcome?: string; data: Record<string, unknown> }): Promise<void> {
    await this.think();
    const task = await this.openTask(user, workflowId, type);
    const r = await this.request('POST /api/tasks/:id/complete', 'POST', `/api/tasks/${task.id}/complete`, { user, body });
    if (r.status === 200) return;
    let seen: unknown;
    if (r.status === 409) {
      // The workflow answers first; the task row follows with its next projection write, which
      // after a PostgreSQL crash waits for the worker's retry backoff (tens of seconds).
      for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(500)) {
        const t = await this.request('GET /api/tasks/:id', 'GET', `/api/tasks/${task.id}`, { user });
        seen = t.body?.status ?? t.status;
        if (seen === 'completed') return;
        if (seen !== 'open') break;
      }
    }
    throw new Error(`complete ${type} in ${workflowId}: ${r.status} ${JSON.stringify(r.body)}; the task row last showed ${String(seen)}`);
  }
}

let registered = 0;
/**
 * A valid registration for tksk1 (Sidorejo) with a NIK unique in the run (a person has one open
 * case per PMKS category): serials 0001-9999 for a woman born 1962-08-17, then the next day's.
 */
export function benchRegistration() {
  const n = registered++;
  // A person has one open case per PMKS category: past 9,999 serials, the next birth day.
  const born = new Date(Date.UTC(1962, 7, 17 + Math.floor(n / 9999)));
  const example = exampleRegistrationWithSerial((n % 9999) + 1);
  const two = (v: number) => String(v).padStart(2, '0');
  const nik = `337301${two(born.getUTCDate() + 40)}${two(born.getUTCMonth() + 1)}${two(born.getUTCFullYear() % 100)}${example.beneficiary.nik.slice(12)}`;
  return { ...example, beneficiary: { ...example.beneficiary, nik, birthDate: born.toISOString().slice(0, 10) } };
}

const today = () => new Date().toISOString().slice(0, 10);
const visit = (outcome: string, extra: Record<string, unknown> = {}) => ({
  outcome,
  data: { visitDate: today(), observations: 'Kunjungan rumah, kondisi dicatat.', ...extra },
});

/**
 * One case from registration to closed: asesmen, approval, a visit that refers (with the
 * referral's feedback), a visit proposing closure, closure approval, bimbingan lanjut. Needs
 * the `aftercare_delay` policy short for the run. Returns the case id.
 */
export async function runCaseLifecycle(api: ApiClient): Promise<string> {
  await api.think();
  const created = await api.request('POST /api/cases', 'POST', '/api/cases', {
    user: 'tksk1',
    body: benchRegistration(),
    idempotencyKey: `bench-${randomUUID()}`,
  });
  if (created.status !== 201) throw new Error(`register: ${created.status} ${JSON.stringify(created.body)}`);
  const caseId: string = created.body.id;
  const wf = `case-${caseId}`;
  await api.complete('tksk1', wf, 'asesmen', {
    data: { needs: ['Kebutuhan makan harian'], riskLevel: 'sedang', planGoals: ['Terdaftar bantuan pangan'], visitCadenceDays: 14 },
  });
  await api.complete('supervisor1', wf, 'assessment_approval', { outcome: 'approve', data: {} });
  await api.complete(
    'tksk1',
    wf,
    'pendampingan_visit',
    visit('refer', {
      referral: {
        destinationType: 'puskesmas_rumah_sakit',
        institutionName: 'Puskesmas Sidorejo Lor',
        reason: 'Hipertensi tidak terkontrol',
        urgency: 'sedang',
      },
    }),
  );
  await api.complete('tksk1', `rujukan-${caseId}-1`, 'rujukan_feedback', {
    outcome: 'served',
    data: { acknowledgedAt: today(), serviceOutcome: 'Diperiksa, mendapat obat rutin.' },
  });
  await api.complete('tksk1', wf, 'pendampingan_visit', visit('propose_closure', { closureReason: 'goals_met' }));
  await api.complete('supervisor1', wf, 'closure_approval', { outcome: 'approve', data: {} });
  await api.complete('tksk1', wf, 'bimbingan_lanjut', { data: { followUpDate: today(), condition: 'Mandiri, kebutuhan terpenuhi.' } });
  return caseId;
}

/** Runs `total` lifecycles with `concurrency` virtual users; reports progress. */
export async function runMany(
  total: number,
  concurrency: number,
  one: () => Promise<string>,
  progress?: (done: number) => void,
): Promise<{ ids: string[]; errors: string[] }> {
  let next = 0;
  const ids: string[] = [];
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        next++;
        try {
          ids.push(await one());
        } catch (err) {
          errors.push(String(err));
        }
        progress?.(ids.length + errors.length);
      }
    }),
  );
  return { ids, errors };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
