// Every workflow the worker registers (this file is the bundle's entry point).
export { caseWorkflow } from './case';
export { rujukanWorkflow } from './rujukan';
export { bulkReassignWorkflow } from './bulkReassign';
export { retentionWorkflow } from './retention';
export { reconcileEngineWorkflow } from './reconcile';
export { taliAsihWorkflow, openTaliAsihClaimsWorkflow } from './taliAsih';
export { auditAnchorsWorkflow, anchorAuditChainWorkflow } from './anchors';
export { complaintWorkflow } from './complaint';
export { sembakoPeriodWorkflow } from './sembakoPeriod';
export { sanctionRecommendationWorkflow } from './sanction';
export { tkskAssignmentWorkflow } from './tkskAssignment';
export { kpmDataFixWorkflow } from './kpmDataFix';
export { openSembakoCalendarWorkflow } from './sembakoCalendar';
export { meetingWorkflow } from './meeting';
export { monthlyReportWorkflow, openMonthlyReportsWorkflow } from './monthlyReport';
