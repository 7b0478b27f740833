// The Indonesian words an export's cells use for codes: the portal's own (domain/wordsId.ts, which
// admin/src/i18n/id.ts uses as they are); a spreadsheet is read by people, not by the code that wrote it.
import type { FundingSource } from '../../domain/taliAsih';

export { CASE_STATUS_ID, CLAIM_STATUS_ID, CLOSED_REASON_ID, OUTCOME_ID, ROLE_ID, TASK_STATUS_ID } from '../../domain/wordsId';

export const FUNDING_SOURCE_ID: Record<FundingSource, string> = { APBN: 'APBN', APBD: 'APBD' };

export const yesNo = (v: boolean): string => (v ? 'Ya' : 'Tidak');

/** The word for a code of a vocabulary; the code itself if the vocabulary has none (never an empty cell). */
export const wordOf = <K extends string>(words: Record<K, string>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (words[code as K] ?? code);
