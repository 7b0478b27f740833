// The workflows' side of sealed actors (domain/seal.ts). An Update that acts in someone's name,
// and a workflow start that names who asked for it, are refused unless the API (or the worker's
// own activities and workflows) sealed them for this workflow, this call and these arguments.
// The keys reach the sandbox when the worker loads the bundle (worker/run.ts replaces the
// placeholder below): they are never in workflow history, in a payload or on the Temporal server.
import { log, patched, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Actor } from '../domain/roles';
import { parseSealKeys, sealCall, verifySeal, type ActorSeal, type SealKeys, type SEALED_SIGNALS } from '../domain/seal';
import { forbidden, invalidInput } from './failures';

/**
 * Replaced by worker/run.ts with "id:base64,…" (the key new seals use first) when the bundle is
 * loaded: the only place the placeholder is spelled out whole, so the worker replaces exactly this.
 */
const SEAL_KEYS_SPEC: string = '__KESOS_SEAL_KEYS__';
const UNREPLACED = ['__KESOS', 'SEAL', 'KEYS__'].join('_');
/** A start's seal is checked against the start time; this long may pass between sealing and start. */
const SEAL_TTL_MS = 5 * 60_000;
/**
 * A signal is checked when its workflow handles it, which may be long after it was sent (a worker
 * down for a day): its seal stays good for a week. Replaying a captured one changes nothing, since
 * every sealed signal is idempotent (a closed referral stays closed, an assignee is set again).
 */
const { verifySignalSeal } = proxyLocalActivities<Pick<Activities, 'verifySignalSeal'>>({ startToCloseTimeout: '10 seconds' });
const SIGNAL_SEAL_TTL_MS = 7 * 24 * 3_600_000;
/** Histories recorded before signals were sealed took them unsealed, and must replay that way. */
const SEALED_SIGNALS_PATCH = 'sealed-signals';

let keys: SealKeys | undefined;
function sealKeys(): SealKeys {
  if (!keys) {
    if (SEAL_KEYS_SPEC === UNREPLACED) throw forbidden('this worker holds no seal keys: it cannot verify who is acting');
    keys = parseSealKeys(SEAL_KEYS_SPEC);
  }
  return keys;
}

/**
 * The actor of an Update, as its seal vouches for it; throws Forbidden (a refused Update leaves
 * no trace in history) when the call is unsigned, forged, stale, made for another workflow, call
 * or arguments, or names another actor than the one sealed.
 */
export function sealedActor(name: string, raw: unknown): Actor {
  const seal = (raw as { seal?: unknown } | null)?.seal;
  const verdict = verifySeal(sealKeys(), seal, { workflowId: workflowInfo().workflowId, name, args: raw, now: Date.now() });
  if (!verdict.ok) throw forbidden(`refused: ${verdict.reason}`);
  if (!verdict.actor) throw forbidden('refused: this call needs a person as its actor');
  return verdict.actor;
}

/**
 * A workflow's start input must be sealed for this workflow and type, with `claimedActor` (who
 * the input says asked for it; null for the system). Checked on the first run of the code only:
 * a start accepted then is history, and replaying it must not depend on which keys are current.
 */
export function requireSealedStart(raw: unknown, claimedActor: Actor | null): void {
  if (workflowInfo().unsafe.isReplaying) return;
  const info = workflowInfo();
  const seal = (raw as { seal?: unknown } | null)?.seal;
  const verdict = verifySeal(sealKeys(), seal, {
    workflowId: info.workflowId,
    name: info.workflowType,
    args: raw,
    now: info.runStartTime.getTime(),
    claimedActor,
  });
  if (!verdict.ok) throw invalidInput(`refused start of ${info.workflowType}: ${verdict.reason}`);
}

/**
 * `args` sealed with the bundle's first (current) key for `name` on `workflowId`. Replaying, the
 * call is history already: its arguments are not sent again (nor compared), so nothing is sealed.
 */
function sealedByWorkflow<T extends object>(workflowId: string, name: string, args: T, actor: Actor | null, ttlMs: number): T & { seal?: ActorSeal } {
  if (workflowInfo().unsafe.isReplaying) return args;
  const k = sealKeys();
  return { ...args, seal: sealCall(k, [...k.keys()][0], { actor, workflowId, name, args, now: Date.now(), ttlMs }) };
}

/** Seals a start this workflow makes (a child, its own continue-as-new) as the system or an actor. */
export function sealStart<T extends object>(workflowId: string, workflowType: string, args: T, actor: Actor | null): T & { seal?: ActorSeal } {
  return sealedByWorkflow(workflowId, workflowType, args, actor, SEAL_TTL_MS);
}

type SealedSignal = (typeof SEALED_SIGNALS)[number];

/** Seals a signal this workflow sends to `workflowId` (as the system). */
export function sealSignal<T extends object>(workflowId: string, name: SealedSignal, args: T): T & { seal?: ActorSeal } {
  return sealedByWorkflow(workflowId, name, args, null, SIGNAL_SEAL_TTL_MS);
}

/**
 * Did kesos-flow send this signal to this workflow with these arguments? A signal cannot be
 * refused (unlike an Update, it is in history before any code sees it), so an unsealed or forged
 * one is logged and ignored by its handler. The verdict is a local activity's result: a replay
 * reads it from history instead of checking again with whatever keys are current then.
 */
export async function isSealedSignal(name: SealedSignal, raw: unknown): Promise<boolean> {
  if (!patched(SEALED_SIGNALS_PATCH)) return true;
  const verdict = await verifySignalSeal({ workflowId: workflowInfo().workflowId, name, args: raw ?? {} });
  if (!verdict.ok) log.warn(`signal ${name} ignored: ${verdict.reason}`);
  return verdict.ok;
}
