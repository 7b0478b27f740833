// The verdict on a signal's seal, taken in the worker (which holds the keys) and recorded in the
// workflow's history as a local activity result: a replay reuses the verdict, so retiring a key
// later never changes how an old signal was handled.
import { verifySeal, type SealKeys, type SealVerdict } from '../domain/seal';

export function sealActivities(keys: SealKeys) {
  return {
    /** Was this signal sealed by kesos-flow, as the system, for this workflow, signal and arguments? */
    async verifySignalSeal(s: { workflowId: string; name: string; args: unknown }): Promise<SealVerdict> {
      const seal = (s.args as { seal?: unknown } | null)?.seal;
      return verifySeal(keys, seal, { workflowId: s.workflowId, name: s.name, args: s.args, now: Date.now(), claimedActor: null });
    },
  };
}
