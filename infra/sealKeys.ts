// The keys the API seals actors with and the worker verifies them with (domain/seal.ts):
// SEAL_KEYS = "id1:base64,id2:base64" (every key still accepted; keep a retired one until no
// call sealed with it can still arrive, i.e. a few minutes), SEAL_KEY_ID = the one new seals use.
// Only the API and the worker hold them; local mode generates one key once into the data dir.
import type { Actor } from '../domain/roles';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { parseSealKeys, SEALED_CALLS, SEALED_SIGNALS, sealCall, type ActorSeal, type SealKeys } from '../domain/seal';
import { keyRingFromEnv } from './secrets';

export interface SealConfig {
  /** The text form, as the worker injects it into the workflow bundle. */
  spec: string;
  keys: SealKeys;
  currentKeyId: string;
}

export function sealConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): SealConfig {
  const ring = keyRingFromEnv(env, 'SEAL', { dataDir, production, localName: 'seal-key-local-1' });
  const { spec, currentKeyId } = ring;
  const keys = parseSealKeys(spec); // also checks each key is long enough
  // The workflow sandbox seals with the first key of the spec it is given: put the current one first.
  const ordered = [currentKeyId, ...[...keys.keys()].filter((id) => id !== currentKeyId)];
  const byId = new Map(
    spec
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => [e.split(':')[0], e] as const),
  );
  return { spec: ordered.map((id) => byId.get(id)!).join(','), keys, currentKeyId };
}

/** How long a seal stays good: enough for the call to reach the worker, too short to hoard. */
export const SEAL_TTL_MS = 5 * 60_000;

/**
 * `args` with the seal that vouches for `actor` calling `name` (an Update, or a workflow type for
 * a start) on workflow `workflowId` with exactly these arguments.
 */
export function sealed<T extends object>(cfg: SealConfig, actor: Actor | null, workflowId: string, name: string, args: T): T & { seal: ActorSeal } {
  return { ...args, seal: sealCall(cfg.keys, cfg.currentKeyId, { actor, workflowId, name, args, now: Date.now(), ttlMs: SEAL_TTL_MS }) };
}

/** The argument of a call in SEALED_CALLS, sealed for the actor its own field names. */
function sealArgs(cfg: SealConfig, workflowId: string, name: string, args: unknown[]): unknown[] {
  const field = (SEALED_CALLS as Record<string, string>)[name];
  const [first, ...rest] = args;
  if (!field || !first || typeof first !== 'object') return args;
  const actor = ((first as Record<string, unknown>)[field] ?? null) as Actor | null;
  return [sealed(cfg, actor, workflowId, name, first), ...rest];
}

/**
 * The Temporal client interceptor of the API and of the worker's own client (bulk operations,
 * the monthly claims): every start and Update in SEALED_CALLS, and every signal in SEALED_SIGNALS
 * (as the system), leaves with its seal. The callers
 * put only an authenticated actor into those arguments; this is where that is vouched for.
 */
export function sealingInterceptor(cfg: SealConfig): WorkflowClientInterceptor {
  return {
    async start(input, next) {
      return next({ ...input, options: { ...input.options, args: sealArgs(cfg, input.options.workflowId, input.workflowType, input.options.args) } });
    },
    async startWithDetails(input, next) {
      return next({ ...input, options: { ...input.options, args: sealArgs(cfg, input.options.workflowId, input.workflowType, input.options.args) } });
    },
    async signal(input, next) {
      if (!(SEALED_SIGNALS as readonly string[]).includes(input.signalName)) return next(input);
      const [first, ...rest] = input.args;
      const args = [sealed(cfg, null, input.workflowExecution.workflowId, input.signalName, (first ?? {}) as object), ...rest];
      return next({ ...input, args });
    },
    async startUpdate(input, next) {
      return next({ ...input, args: sealArgs(cfg, input.workflowExecution.workflowId, input.updateName, input.args) });
    },
    async startUpdateWithStart(input, next) {
      const workflowId = input.workflowStartOptions.workflowId;
      return next({
        ...input,
        workflowStartOptions: { ...input.workflowStartOptions, args: sealArgs(cfg, workflowId, input.workflowType, input.workflowStartOptions.args) },
        updateArgs: sealArgs(cfg, workflowId, input.updateName, input.updateArgs),
      });
    },
  };
}
