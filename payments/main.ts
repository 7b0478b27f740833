// The payment simulator as a process (started by `npm start` unless PAYMENT_PROVIDER_URL is set).
import path from 'node:path';
import { z } from 'zod';
import { exitWithParent } from '../infra/process';
import { startSimulator } from './simulator';

const env = z
  .object({
    PAYMENT_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(3901),
    /** Loopback unless configured (docker-compose: every interface of its container). */
    PAYMENT_SIM_BIND_ADDRESS: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().default(path.join(__dirname, '..', '.data')),
    PAYMENT_SIM_FAIL_RATE: z.coerce.number().min(0).max(1).default(0.1),
    PAYMENT_SIM_FAIL_FIRST: z.coerce.number().int().min(0).default(0),
    PAYMENT_SIM_LOSE_FIRST_RESPONSE: z.enum(['0', '1']).default('0'),
    /** The bearer token callers must send (the same variable the worker's provider client sends). */
    PAYMENT_PROVIDER_TOKEN: z.string().min(16),
  })
  .parse(process.env);

startSimulator({
  port: env.PAYMENT_SIM_PORT,
  host: env.PAYMENT_SIM_BIND_ADDRESS,
  token: env.PAYMENT_PROVIDER_TOKEN,
  dataDir: path.join(env.DATA_DIR, 'payments'),
  failRate: env.PAYMENT_SIM_FAIL_RATE,
  failFirst: env.PAYMENT_SIM_FAIL_FIRST,
  loseFirstResponse: env.PAYMENT_SIM_LOSE_FIRST_RESPONSE === '1',
})
  .then((server) => {
    console.log(`[payments] simulator on ${env.PAYMENT_SIM_BIND_ADDRESS}:${env.PAYMENT_SIM_PORT} (fail rate ${env.PAYMENT_SIM_FAIL_RATE})`);
    exitWithParent(() => new Promise<void>((r) => server.close(() => r())).then(() => process.exit(0)));
  })
  .catch((err: unknown) => {
    console.error('[payments] failed:', err);
    process.exit(1);
  });
