// The payment-provider adapter interface. To plug in a real provider (a bank's disbursement API,
// a payment aggregator), implement PaymentProvider and return it from createPaymentProvider:
// it must accept an idempotency key (the same key never pays twice) and tell transient failures
// (retried with backoff by the activity) from permanent ones (escalated to the province).

export interface PaymentRequest {
  /** claim id + component: the same key never pays twice. */
  idempotencyKey: string;
  /** `BANK:number` of the TKSK. */
  account: string;
  /** Whole rupiah. */
  amount: number;
  reference: string;
}

export interface PaymentReceipt {
  receiptRef: string;
  paidAt: string;
}

export class TransientPaymentError extends Error {}
export class PermanentPaymentError extends Error {
  constructor(
    message: string,
    /** The provider's error code (e.g. `invalid_account`), kept so people read it in their language. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export interface PaymentProvider {
  pay(request: PaymentRequest): Promise<PaymentReceipt>;
}

/** The simulator's HTTP API (payments/simulator.ts), shaped like a bank transfer API, called with its bearer token. */
export class HttpTransferProvider implements PaymentProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async pay(r: PaymentRequest): Promise<PaymentReceipt> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/v1/transfers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ ...r, currency: 'IDR' }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new TransientPaymentError(`payment provider unreachable: ${String(err)}`);
    }
    const body = (await res.json().catch(() => ({}))) as { receiptRef?: string; paidAt?: string; error?: string; message?: string };
    if (res.ok && body.receiptRef) return { receiptRef: body.receiptRef, paidAt: body.paidAt ?? new Date().toISOString() };
    if (res.status >= 500 || res.status === 429) throw new TransientPaymentError(`payment provider ${res.status} ${body.error ?? ''}`);
    throw new PermanentPaymentError(body.message ?? body.error ?? `payment refused (${res.status})`, body.error ?? null);
  }
}

export function createPaymentProvider(env: NodeJS.ProcessEnv = process.env): PaymentProvider {
  const url = env.PAYMENT_PROVIDER_URL;
  if (!url) throw new Error('PAYMENT_PROVIDER_URL is not set');
  const token = env.PAYMENT_PROVIDER_TOKEN;
  if (!token) throw new Error('PAYMENT_PROVIDER_TOKEN is not set');
  return new HttpTransferProvider(url, token);
}
