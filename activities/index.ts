// Activities: thin, idempotent I/O for the workflows. Every write is keyed (task id, event id)
// so a retry after a crash writes nothing twice.
import type { Client } from '@temporalio/client';
import type { Sql } from '../db';
import { bulkActivities } from './bulk';
import { caseActivities } from './cases';
import { retentionActivities } from './retention';
import { taskActivities } from './tasks';

export function createActivities(sql: Sql, temporal: Client) {
  return { ...caseActivities(sql), ...taskActivities(sql), ...bulkActivities(sql, temporal), ...retentionActivities(sql) };
}

export type Activities = ReturnType<typeof createActivities>;
export type { NewTask, TaskCompletionRecord } from './tasks';
export type { CaseUpdate } from './cases';
