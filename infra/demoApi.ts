// The demo's HTTP client: the demo data goes in through the public API as the demo users
// (infra/demo.ts, demoCasework.ts, demoPsks.ts, demoKoordinasi.ts share one instance).
import { DEMO_PASSWORD } from '../db/seed';

export interface DemoAnswer {
  status: number;
  body: any;
}

export class DemoApi {
  // One sign-in per user, shared by parallel drivers: the login throttle counts an attempt before
  // it checks the password (api/auth/throttle.ts), so six sign-ins at once would lock an account.
  private signIns = new Map<string, Promise<{ token?: string; failure?: DemoAnswer }>>();
  constructor(private readonly apiUrl: string) {}

  /** A call as `user`; a refused sign-in is answered as the call's answer (a later call tries again). */
  async call(user: string, method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<DemoAnswer> {
    let signIn = this.signIns.get(user);
    if (!signIn) {
      signIn = this.raw('POST', '/api/auth/login', undefined, { username: user, password: DEMO_PASSWORD }).then((r) =>
        r.status === 200 ? { token: r.body.token as string } : { failure: r },
      );
      this.signIns.set(user, signIn);
    }
    const { token, failure } = await signIn;
    if (!token) {
      this.signIns.delete(user);
      return failure!;
    }
    return this.raw(method, url, token, body, extra);
  }

  private async raw(method: string, url: string, token: string | undefined, body?: unknown, extra: Record<string, string> = {}): Promise<DemoAnswer> {
    const headers: Record<string, string> = { ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.apiUrl}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }
}

/** A refusal in one line: the problem's title, detail and field errors. */
export function summary(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { title?: string; detail?: string; errors?: { pointer?: string; detail?: string }[] };
    const errors = (b.errors ?? []).map((e) => `${e.pointer}: ${e.detail}`).join('; ');
    return [b.title, b.detail, errors].filter(Boolean).join(' — ');
  }
  return String(body ?? '').slice(0, 200);
}

/** A demo beneficiary, registered by a TKSK with their own consent. */
export interface DemoCasePerson {
  key: string;
  by: string;
  pmksCode: string;
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  desaCode: string;
  summary: string;
}

/** Registers a demo case; the idempotency key makes a rerun answer the same case. */
export function registerDemoCase(api: DemoApi, p: DemoCasePerson, idempotencyKey: string, address: string): Promise<DemoAnswer> {
  const body = {
    beneficiary: { nik: p.nik, name: p.name, birthDate: p.birthDate, sex: p.sex, address, desaCode: p.desaCode },
    pmksCode: p.pmksCode,
    summary: p.summary,
    consent: { basis: 'self', givenBy: p.name },
  };
  return api.call(p.by, 'POST', '/api/cases', body, { 'idempotency-key': idempotencyKey });
}
