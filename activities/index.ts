// Activities: thin, idempotent I/O for the workflows. Every write is keyed (task id, event id)
// so a retry after a crash writes nothing twice.
import type { Client } from '@temporalio/client';
import type { Sql } from '../db';
import { bulkActivities } from './bulk';
import { caseActivities } from './cases';
import { createPaymentProvider, type PaymentProvider } from './payments/provider';
import { reconcileActivities } from './reconcile';
import { retentionActivities } from './retention';
import { taliAsihActivities } from './taliAsih';
import { taskActivities } from './tasks';

export function createActivities(sql: Sql, temporal: Client, paymentProvider: () => PaymentProvider = () => createPaymentProvider()) {
  return {
    ...caseActivities(sql),
    ...taskActivities(sql),
    ...bulkActivities(sql, temporal),
    ...retentionActivities(sql),
    ...reconcileActivities(sql, temporal),
    ...taliAsihActivities(sql, temporal, paymentProvider),
  };
}

export type Activities = ReturnType<typeof createActivities>;
export type { NewTask, TaskCompletionRecord } from './tasks';
export type { CaseUpdate } from './cases';
