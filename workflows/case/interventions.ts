// Supervisor interventions on a running case (docs/product.md §3.5): pause, resume, extend-deadline,
// reassign, cancel, reopen, note. Applied at once or, when the region's policy wants four eyes on
// the destructive ones, held as pending until a second supervisor confirms (or declines).
import { setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import { addIsoDuration } from '../../domain/duration';
import {
  confirmInputSchema,
  DESTRUCTIVE_INTERVENTIONS,
  interveneInputSchema,
  interventionBodySchemas,
  type Intervention,
  type InterventionResult,
} from '../../domain/interventions';
import { canIntervene } from '../../domain/access';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import type { CaseSnapshot, PendingIntervention } from '../../domain/workflowContracts';
import { confirmInterventionUpdate, interveneUpdate, referralAssigneeSignal, referralPausedSignal, SA } from '../definitions';
import { conflict, forbidden, invalidPayload, zodIssues } from '../failures';
import { sealedActor, sealSignal } from '../seal';
import { projection } from '../projection';
import { STATUS, type CaseRun } from './state';

interface Assignee {
  id: string;
  role: string;
  regionCode: string | null;
  disabled: boolean;
}

/** Can `action` be applied in the case's current state? Throws the reason if not. */
function checkApplicable(c: CaseRun, action: Intervention, payload: Record<string, unknown>, assignee?: Assignee, confirming?: string) {
  const s = c.state;
  if (c.ended) throw conflict('the case has ended');
  const terminal = s.phase === 'closed' || s.phase === 'cancelled';
  if (terminal && action !== 'note' && action !== 'reopen') throw conflict(`the case is ${STATUS[s.phase]}`);
  switch (action) {
    case 'pause':
      if (s.paused) throw conflict('the case is already paused');
      break;
    case 'resume':
      if (!s.paused) throw conflict('the case is not paused');
      break;
    case 'extend-deadline': {
      const t = c.board.get(String(payload.taskId));
      if (!t || t.state !== 'open' || !t.dueAt) throw conflict(`task ${String(payload.taskId)} is not an open task of this case with a deadline`);
      break;
    }
    case 'reassign':
      if (!assignee) throw invalidPayload('unknown user', [{ path: ['toUserId'], message: 'unknown user', code: 'custom' }]);
      if (assignee.role !== 'tksk' || assignee.disabled || !assignee.regionCode || !regionCovers(assignee.regionCode, s.regions.kecamatan)) {
        throw invalidPayload('not an active TKSK of this kecamatan', [
          { path: ['toUserId'], message: `must be an active TKSK of kecamatan ${s.regions.kecamatan}`, code: 'custom' },
        ]);
      }
      if (assignee.id === s.assigneeId) throw conflict('the case is already assigned to this TKSK');
      break;
    case 'reopen':
      if (s.phase !== 'closed') throw conflict('only a closed case can be reopened');
      if (!s.reopenUntil || Date.now() > Date.parse(s.reopenUntil)) throw conflict('the reopen window has passed');
      break;
    default:
      break;
  }
  if (s.pending.some((p) => p.action === action && p.interventionId !== confirming)) throw conflict(`a ${action} is already waiting for confirmation`);
}

/** May `actor` intervene with `action` in this case (role, region, assignment)? Throws Forbidden if not. */
function checkPermitted(c: CaseRun, actor: Actor, action: string) {
  const decision = canIntervene(actor, action, { kecamatanCode: c.regions.kecamatan, assigneeId: c.state.assigneeId });
  if (!decision.ok) throw forbidden(decision.reason);
}

function validateIntervention(c: CaseRun, raw: unknown) {
  sealedActor(interveneUpdate.name, raw);
  const parsed = interveneInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidPayload('malformed intervention');
  const { action, actor, payload, assignee } = parsed.data;
  checkPermitted(c, actor, action);
  const body = interventionBodySchemas[action].safeParse(payload);
  if (!body.success) throw invalidPayload('invalid intervention', zodIssues(body.error));
  checkApplicable(c, action, payload, assignee);
}

function validateConfirmation(c: CaseRun, raw: unknown) {
  sealedActor(confirmInterventionUpdate.name, raw);
  const parsed = confirmInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidPayload('malformed confirmation');
  const { interventionId, actor } = parsed.data;
  const pending = c.state.pending.find((p) => p.interventionId === interventionId);
  if (!pending) throw conflict(`no intervention ${interventionId} is waiting for confirmation`);
  checkPermitted(c, actor, pending.action);
  if (actor.id === pending.requestedBy.id) throw forbidden('four-eyes: a second supervisor must confirm');
  if (parsed.data.approve) checkApplicable(c, pending.action as Intervention, pending.payload, undefined, interventionId);
}

async function apply(c: CaseRun, action: Intervention, payload: Record<string, unknown>, actor: Actor, assigneeId?: string): Promise<void> {
  const { state: s, board, caseId } = c;
  const reason = typeof payload.reason === 'string' ? payload.reason : undefined;
  const now = new Date().toISOString();
  switch (action) {
    case 'note':
      await projection().recordCaseEvent({ eventId: uuid4(), at: now, caseId, actor, action: 'case.note', details: { text: payload.text } });
      return; // nothing for the main loop to do
    case 'pause':
      s.paused = true;
      s.pausedAt = now;
      await c.forEachOpenReferral((h) => h.signal(referralPausedSignal, sealSignal(h.workflowId, 'referralPaused', { paused: true, at: now })));
      await c.recordCase('case.paused', actor, { reason });
      break;
    case 'resume': {
      // Clocks restart with the time that was left: every deadline moves by the paused time.
      const pausedFor = Date.now() - Date.parse(s.pausedAt ?? now);
      s.paused = false;
      s.pausedAt = null;
      await board.postpone(pausedFor);
      if (s.aftercareAt) s.aftercareAt = new Date(Date.parse(s.aftercareAt) + pausedFor).toISOString();
      await c.forEachOpenReferral((h) => h.signal(referralPausedSignal, sealSignal(h.workflowId, 'referralPaused', { paused: false, at: now })));
      await c.recordCase('case.resumed', actor, { reason, pausedMs: pausedFor });
      break;
    }
    case 'extend-deadline': {
      const task = board.get(String(payload.taskId))!;
      const dueAt = addIsoDuration(new Date(task.dueAt!), String(payload.extendBy)).toISOString();
      await board.retime([{ task, dueAt }]);
      await c.recordCase('case.deadline_extended', actor, { reason, taskId: task.taskId, dueAt });
      break;
    }
    case 'reassign': {
      const from = s.assigneeId;
      s.assigneeId = assigneeId!;
      upsertSearchAttributes([{ key: SA.assignedTksk, value: s.assigneeId }]);
      await board.reassign(s.assigneeId);
      await c.forEachOpenReferral((h) => h.signal(referralAssigneeSignal, sealSignal(h.workflowId, 'referralAssignee', { assigneeId: s.assigneeId })));
      await c.recordCase('case.reassigned', actor, { reason, from, to: s.assigneeId });
      break;
    }
    case 'cancel':
      c.enter('cancelled', 'cancelled');
      await board.cancel(board.open(), reason ?? 'case cancelled', actor);
      await c.cancelReferrals();
      await c.recordCase('case.cancelled', actor, { reason });
      break;
    case 'reopen':
      s.closedReason = null;
      s.reopenUntil = null;
      c.enter(s.planApproved ? 'pendampingan' : 'asesmen', s.planApproved ? 'pendampingan_visit' : 'asesmen');
      s.returnNotes = reason ?? null;
      await c.recordCase('case.reopened', actor, { reason });
      break;
  }
  await board.wakeAndSettle();
}

type CaseInterventionResult = InterventionResult & { case: CaseSnapshot };

async function intervene(c: CaseRun, input: unknown): Promise<CaseInterventionResult> {
  const { action, actor, payload, assignee } = interveneInputSchema.parse(input);
  if (DESTRUCTIVE_INTERVENTIONS.includes(action) && (await projection().getCasePolicies(c.regions.kecamatan)).confirm_destructive) {
    checkApplicable(c, action, payload, assignee); // state may have changed while the policy was read
    const pending: PendingIntervention = {
      interventionId: uuid4(),
      action,
      payload,
      requestedBy: { id: actor.id, username: actor.username, role: actor.role },
      requestedAt: new Date().toISOString(),
    };
    c.state.pending.push(pending);
    await projection().recordCaseEvent({
      eventId: pending.interventionId,
      at: pending.requestedAt,
      caseId: c.caseId,
      actor,
      action: 'intervention.requested',
      details: { ...payload, interventionId: pending.interventionId, action },
    });
    return { interventionId: pending.interventionId, action, status: 'pending_confirmation', case: c.snapshot() };
  }
  await apply(c, action, payload, actor, assignee?.id);
  return { interventionId: uuid4(), action, status: 'done', case: c.snapshot() };
}

async function confirm(c: CaseRun, input: unknown): Promise<CaseInterventionResult> {
  const { interventionId, actor, approve } = confirmInputSchema.parse(input);
  const s = c.state;
  const pending = s.pending.find((p) => p.interventionId === interventionId)!;
  s.pending = s.pending.filter((p) => p !== pending);
  const action = pending.action as Intervention;
  if (!approve) {
    await c.recordEvent('intervention.declined', actor, { interventionId, action });
    return { interventionId, action, status: 'declined', case: c.snapshot() };
  }
  await c.recordEvent('intervention.confirmed', actor, { interventionId, action, requestedBy: pending.requestedBy.id });
  await apply(c, action, pending.payload, actor);
  return { interventionId, action, status: 'done', case: c.snapshot() };
}

/** The intervention Updates of this case: validated before they are accepted, then applied. */
export function handleInterventions(c: CaseRun): void {
  setHandler(interveneUpdate, (input) => intervene(c, input), { validator: (raw) => validateIntervention(c, raw) });
  setHandler(confirmInterventionUpdate, (input) => confirm(c, input), { validator: (raw) => validateConfirmation(c, raw) });
}
