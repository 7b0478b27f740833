// A payment-service simulator with the shape of a real bank-transfer API, run by kesos-flow as
// its own HTTP process with its own persistence (an fsync'd append-only ledger file). It honours
// an idempotency key, fails transiently at a configurable rate, and refuses invalid accounts
// permanently. For tests it can also lose the first response after committing a transfer — the
// classic double-payment trap an idempotency key must survive. Like a bank's API it answers only
// callers with its bearer token (PAYMENT_PROVIDER_TOKEN): anyone else who reaches the port could
// otherwise pay out or read every TKSK's account from the ledger.
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import { privateDir, privateFile } from '../infra/private';

export const transferRequestSchema = z.object({
  idempotencyKey: z.string().min(8).max(200),
  /** `BANK:number`, e.g. `BRI:0021-01-000123-50-1`. */
  account: z.string().min(1).max(60),
  /** Whole rupiah. */
  amount: z.number().int().positive(),
  currency: z.literal('IDR'),
  reference: z.string().max(200),
});
export type TransferRequest = z.infer<typeof transferRequestSchema>;

export interface Transfer extends TransferRequest {
  receiptRef: string;
  paidAt: string;
}

const VALID_ACCOUNT = /^[A-Z]{3,4}:[0-9][0-9-]{5,29}$/;

export interface SimulatorOptions {
  port: number;
  /** Listen address: loopback unless given (local mode's services are reachable from this machine only). */
  host?: string;
  /** The bearer token every request but /health must carry. */
  token: string;
  dataDir: string;
  /** Probability (0-1) that a request fails with 503 before anything is recorded. */
  failRate: number;
  /** Fail the first N attempts of every new idempotency key with 503 (before recording). */
  failFirst: number;
  /** Record the transfer, then answer 503 on the first attempt of every key (lost response). */
  loseFirstResponse: boolean;
}

export function startSimulator(o: SimulatorOptions): Promise<http.Server> {
  // The ledger holds bank account numbers: this user's alone.
  privateDir(o.dataDir);
  const ledgerFile = path.join(o.dataDir, 'ledger.jsonl');
  privateFile(ledgerFile);
  const ledger = new Map<string, Transfer>();
  if (fs.existsSync(ledgerFile)) {
    for (const line of fs.readFileSync(ledgerFile, 'utf8').split('\n').filter(Boolean)) {
      const t = JSON.parse(line) as Transfer;
      ledger.set(t.idempotencyKey, t);
    }
  }
  const attempts = new Map<string, number>();
  const fd = fs.openSync(ledgerFile, 'a', 0o600);

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const digest = (v: string) => createHash('sha256').update(v).digest();
  const expected = digest(`Bearer ${o.token}`);
  const authorized = (req: http.IncomingMessage) => timingSafeEqual(digest(req.headers.authorization ?? ''), expected);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
    if (!authorized(req)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return send(res, 401, { error: 'unauthorized', message: 'send the provider token as Authorization: Bearer <token>' });
    }
    if (req.method === 'GET' && url.pathname === '/v1/transfers') {
      const key = url.searchParams.get('idempotencyKey');
      return send(res, 200, key ? [...ledger.values()].filter((t) => t.idempotencyKey === key) : [...ledger.values()]);
    }
    if (req.method !== 'POST' || url.pathname !== '/v1/transfers') return send(res, 404, { error: 'not_found' });
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      let parsed: TransferRequest;
      try {
        const r = transferRequestSchema.safeParse(JSON.parse(raw));
        if (!r.success) return send(res, 400, { error: 'bad_request', issues: r.error.issues.map((i) => i.message) });
        parsed = r.data;
      } catch {
        return send(res, 400, { error: 'bad_request' });
      }
      const existing = ledger.get(parsed.idempotencyKey);
      if (existing) {
        if (existing.amount !== parsed.amount || existing.account !== parsed.account) return send(res, 409, { error: 'idempotency_key_reused' });
        return send(res, 200, existing); // the same transfer, not a second one
      }
      if (!VALID_ACCOUNT.test(parsed.account)) return send(res, 422, { error: 'invalid_account', message: `account ${parsed.account} does not exist` });
      const n = (attempts.get(parsed.idempotencyKey) ?? 0) + 1;
      attempts.set(parsed.idempotencyKey, n);
      if (n <= o.failFirst || Math.random() < o.failRate) return send(res, 503, { error: 'temporarily_unavailable' });
      const transfer: Transfer = { ...parsed, receiptRef: `SIM-${String(ledger.size + 1).padStart(8, '0')}`, paidAt: new Date().toISOString() };
      fs.writeSync(fd, `${JSON.stringify(transfer)}\n`);
      fs.fsyncSync(fd);
      ledger.set(transfer.idempotencyKey, transfer);
      if (o.loseFirstResponse && n === 1 + o.failFirst) return send(res, 503, { error: 'gateway_timeout_after_commit' });
      send(res, 201, transfer);
    });
  });
  if (o.token.length < 16) throw new Error('the payment simulator needs a token of at least 16 characters');
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve(server));
  });
}
