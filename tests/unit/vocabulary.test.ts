// domain/ owns the closed vocabularies; the portal's message files only word them. Every value
// of every vocabulary has a label in Bahasa Indonesia and in English (a missing one shows its raw
// key in the UI), so a value added to domain without words fails here.
import english from '../../admin/src/i18n/en';
import { PRIVILEGED_KINDS, PRIVILEGED_STATUSES } from '../../domain/access';
import { CHAIN_BREAK_REASONS } from '../../domain/audit';
import indonesian from '../../admin/src/i18n/id';
import { CASE_CLOSED_REASONS, CASE_STATUSES, CONSENT_BASES, SEXES } from '../../domain/case';
import { INTERVENTIONS } from '../../domain/interventions';
import { PMKS_CODES } from '../../domain/pmks';
import { LKS_ACCREDITATIONS, PEMETAAN_SOURCES, PSKS_SERVICE_AREAS } from '../../domain/psks';
import { ROLES } from '../../domain/roles';
import { CLAIM_STATUSES, COMPONENT_STATUSES, FUNDING_SOURCES, PAYMENT_FAILURE_CODES } from '../../domain/taliAsih';
import { ASSIGNMENT_STATUSES, END_REASONS, ROSTER_STATUSES } from '../../domain/tkskAssignment';
import { OUTCOMES, REFERRAL_STATUSES, RISK_LEVELS, RUJUKAN_DESTINATIONS, TASK_STATUSES, TASK_TYPE_INFO, TASK_TYPES, URGENCIES } from '../../domain/taskTypes';

/** i18n prefix → the domain values it must label. */
const VOCABULARIES: Record<string, readonly string[]> = {
  'kesos.task_type': TASK_TYPES,
  'kesos.task_status': TASK_STATUSES,
  'kesos.case_status': CASE_STATUSES,
  'kesos.claim_status': CLAIM_STATUSES,
  'kesos.component_status': COMPONENT_STATUSES,
  'kesos.funding_source': FUNDING_SOURCES,
  'kesos.role': ROLES,
  'kesos.outcome': [...OUTCOMES, 'submit'],
  'kesos.pmks': PMKS_CODES,
  'kesos.closure_reason': CASE_CLOSED_REASONS,
  'kesos.consent_basis': CONSENT_BASES,
  'kesos.sex': SEXES,
  'kesos.referral_status': REFERRAL_STATUSES,
  'kesos.enum.riskLevel': RISK_LEVELS,
  'kesos.enum.urgency': URGENCIES,
  'kesos.enum.destinationType': RUJUKAN_DESTINATIONS,
  'kesos.interventions.action': INTERVENTIONS,
  'kesos.interventions.title': INTERVENTIONS,
  'kesos.interventions.explain': INTERVENTIONS,
  'kesos.interventions.done': INTERVENTIONS,
  'kesos.privileged.kind': PRIVILEGED_KINDS,
  'kesos.privileged.status': PRIVILEGED_STATUSES,
  'kesos.audit.broken_reason': CHAIN_BREAK_REASONS,
  'kesos.stipend.payment_failure': PAYMENT_FAILURE_CODES,
  // TKSK assignments (docs/tksk-assignment.md).
  'kesos.tksk_assignment.status': ASSIGNMENT_STATUSES,
  'kesos.tksk_assignment.roster_status': ROSTER_STATUSES,
  'kesos.tksk_assignment.end_reason': END_REASONS,
  'kesos.psks.service_area': PSKS_SERVICE_AREAS,
  'kesos.psks.accreditation': LKS_ACCREDITATIONS,
  'kesos.pemetaan.source': PEMETAAN_SOURCES,
};

const lookup = (messages: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);

describe.each([
  ['Bahasa Indonesia', indonesian],
  ['English', english],
])('%s', (_language, messages) => {
  test.each(Object.entries(VOCABULARIES))('every value of %s has a label', (prefix, values) => {
    const missing = values.filter((v) => {
      const label = lookup(messages, `${prefix}.${v}`);
      return typeof label !== 'string' || label.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  test('the labels of a vocabulary are only its values (no leftovers of removed ones)', () => {
    const extra = Object.entries(VOCABULARIES).flatMap(([prefix, values]) =>
      Object.keys((lookup(messages, prefix) as object) ?? {})
        .filter((k) => !values.includes(k))
        .map((k) => `${prefix}.${k}`),
    );
    expect(extra).toEqual([]);
  });
});

test("task-type titles are domain's own, in both languages", () => {
  for (const type of TASK_TYPES) {
    expect(lookup(indonesian, `kesos.task_type.${type}`)).toBe(TASK_TYPE_INFO[type].titleId);
    expect(lookup(english, `kesos.task_type.${type}`)).toBe(TASK_TYPE_INFO[type].titleEn);
  }
});
