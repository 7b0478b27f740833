// The one place that names the workflows' Updates, queries and search-attribute keys.
// The API imports these definitions to call them; workflows import them to handle them.
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseSnapshot, CompleteTaskInput, TaskCompletionResult } from '../domain/workflowContracts';

/** Complete a human task; validated by role, region, four-eyes and payload schema. */
export const completeTaskUpdate = defineUpdate<TaskCompletionResult, [CompleteTaskInput]>('completeTask');

/** Returns once the case is registered (its row and first task written): lets POST /api/cases answer synchronously. */
export const registeredUpdate = defineUpdate<CaseSnapshot, []>('registered');

export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

export const SA = {
  caseStatus: defineSearchAttributeKey('CaseStatus', 'KEYWORD'),
  pmksCode: defineSearchAttributeKey('PmksCode', 'KEYWORD'),
  kecamatanCode: defineSearchAttributeKey('KecamatanCode', 'KEYWORD'),
  kabupatenCode: defineSearchAttributeKey('KabupatenCode', 'KEYWORD'),
  assignedTksk: defineSearchAttributeKey('AssignedTksk', 'KEYWORD'),
  overdue: defineSearchAttributeKey('Overdue', 'BOOL'),
};
