// Custom Temporal search attributes of kesos-flow. Never personal data: codes and statuses only.
export const SEARCH_ATTRIBUTES = {
  CaseStatus: 'Keyword',
  PmksCode: 'Keyword',
  KecamatanCode: 'Keyword',
  KabupatenCode: 'Keyword',
  AssignedTksk: 'Keyword',
  Overdue: 'Bool',
  /** Sembako complaints (complaintWorkflow): status and category codes. */
  ComplaintStatus: 'Keyword',
  ComplaintCategory: 'Keyword',
} as const;
