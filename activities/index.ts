// Activities: thin, idempotent I/O for the workflows. Every write is keyed (task id, event id)
// so a retry after a crash writes nothing twice.
import { ApplicationFailure, type Client } from '@temporalio/client';
import type { Sql } from '../db';
import { anchorActivities } from './anchors';
import { bulkActivities } from './bulk';
import { caseActivities } from './cases';
import { complaintActivities, sembakoPeriodActivities, sembakoSanctionActivities } from './complaints';
import { createPaymentProvider, type PaymentProvider } from './payments/provider';
import { reconcileActivities } from './reconcile';
import { retentionActivities } from './retention';
import { taliAsihActivities } from './taliAsih';
import { taskActivities } from './tasks';
import { sealActivities } from './seals';
import { tkskAssignmentActivities } from './tkskAssignment';
import { kpmFixActivities } from './kpmFixes';
import { sembakoCalendarActivities } from './sembakoCalendar';
import { koordinasiActivities } from './koordinasi';
import type { SealKeys } from '../domain/seal';

/**
 * A write PostgreSQL refuses for its data (SQLSTATE class 22: a value it cannot store; class 23:
 * a constraint, e.g. an actor that does not exist) fails the same way on every retry: it fails
 * for good at once instead of retrying for ever (and blocking the workflow behind it). The
 * message names the SQLSTATE only: the database's own text may quote the values, personal data.
 */
function refusingDataErrors<T extends Record<string, (...args: any[]) => Promise<unknown>>>(activities: T): T {
  const wrapped: Record<string, (...args: any[]) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(activities)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && /^2[23]/.test(code) && (err as Error).name === 'PostgresError') {
          throw ApplicationFailure.nonRetryable(`${name}: the database refused the write (SQLSTATE ${code})`, 'ProjectionRejected');
        }
        throw err;
      }
    };
  }
  return wrapped as T;
}

export function createActivities(sql: Sql, temporal: Client, sealKeys: SealKeys, paymentProvider: () => PaymentProvider = () => createPaymentProvider()) {
  return refusingDataErrors({
    ...sealActivities(sealKeys),
    ...caseActivities(sql),
    ...taskActivities(sql),
    ...bulkActivities(sql, temporal),
    ...retentionActivities(sql),
    ...reconcileActivities(sql, temporal),
    ...anchorActivities(sql, temporal),
    ...taliAsihActivities(sql, temporal, paymentProvider),
    ...complaintActivities(sql),
    ...sembakoPeriodActivities(sql),
    ...sembakoSanctionActivities(sql),
    ...tkskAssignmentActivities(sql),
    ...kpmFixActivities(sql),
    ...sembakoCalendarActivities(sql, temporal),
    ...koordinasiActivities(sql, temporal),
  });
}

export type Activities = ReturnType<typeof createActivities>;
export type { NewTask, TaskCompletionRecord } from './tasks';
export type { CaseUpdate } from './cases';
