import { caseRegistrationSchema, exampleCaseRegistration } from '../../domain/case';
import { addIsoDuration, parseIsoDuration } from '../../domain/duration';
import { isChildCategory, PMKS_CATEGORIES, pmksCodeSchema } from '../../domain/pmks';
import { canCompleteTask, checkTaskCompletion } from '../../domain/access';
import { regionChain, regionCovers, regionLevel } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { claimPeriodProblem, currentPeriod, previousPeriod } from '../../domain/taliAsih';
import { completionOf, completionSchemaFor, OUTCOMES, TASK_TYPE_INFO, TASK_TYPES } from '../../domain/taskTypes';

describe('PMKS categories', () => {
  test('26 categories, numbered 1-26, unique codes', () => {
    expect(PMKS_CATEGORIES).toHaveLength(26);
    expect(PMKS_CATEGORIES.map((c) => c.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(new Set(PMKS_CATEGORIES.map((c) => c.code)).size).toBe(26);
    expect(pmksCodeSchema.safeParse('ODHA').success).toBe(true);
    expect(pmksCodeSchema.safeParse('XYZ').success).toBe(false);
    expect(isChildCategory('ABH')).toBe(true);
    expect(isChildCategory('LUT')).toBe(false);
  });
});

describe('regions', () => {
  test('levels, chains and scope coverage', () => {
    expect(regionLevel('33')).toBe('provinsi');
    expect(regionLevel('33.73')).toBe('kabupaten');
    expect(regionLevel('33.73.01')).toBe('kecamatan');
    expect(regionLevel('33.73.01.1001')).toBe('desa');
    expect(regionLevel('33.7')).toBeUndefined();
    expect(regionChain('33.73.01.1001')).toEqual({ provinsi: '33', kabupaten: '33.73', kecamatan: '33.73.01', desa: '33.73.01.1001' });
    expect(regionCovers('33.73', '33.73.01.1001')).toBe(true);
    expect(regionCovers('33.7', '33.73.01')).toBe(false); // prefix of the text, not of the code
    expect(regionCovers('33.73.02', '33.73.01.1001')).toBe(false);
    expect(regionCovers(null, '11')).toBe(true);
  });
});

describe('case registration schema', () => {
  test('the example is valid', () => {
    expect(caseRegistrationSchema.safeParse(exampleCaseRegistration).success).toBe(true);
  });

  const issuesOf = (value: unknown) => {
    const r = caseRegistrationSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  test('a child cannot consent alone; a guardian must be named; lawful basis needs a note', () => {
    const child = { ...exampleCaseRegistration, pmksCode: 'AT' as const };
    expect(issuesOf(child)).toContain('consent.basis');
    expect(issuesOf({ ...child, consent: { basis: 'guardian' } })).toContain('consent.givenBy');
    expect(issuesOf({ ...child, consent: { basis: 'guardian', givenBy: 'Ibu Sri' } })).toEqual([]);
    expect(issuesOf({ ...exampleCaseRegistration, consent: { basis: 'lawful_basis' } })).toContain('consent.note');
  });

  test('birth date and sex are checked against the NIK', () => {
    const b = exampleCaseRegistration.beneficiary;
    expect(issuesOf({ ...exampleCaseRegistration, beneficiary: { ...b, birthDate: '1962-08-18' } })).toEqual(['beneficiary.birthDate']);
    expect(issuesOf({ ...exampleCaseRegistration, beneficiary: { ...b, sex: 'L' } })).toEqual(['beneficiary.sex']);
    expect(issuesOf({ ...exampleCaseRegistration, beneficiary: { ...b, birthDate: '1962-02-30' } })).toContain('beneficiary.birthDate');
  });
});

describe('task types', () => {
  test.each(TASK_TYPES)('%s: every example is valid and every outcome has one', (type) => {
    const info = TASK_TYPE_INFO[type];
    const schema = completionSchemaFor(type);
    for (const example of Object.values(info.examples)) {
      expect(schema.safeParse(completionOf(example.outcome, example.data)).error).toBeUndefined();
    }
    const exampleOutcomes = Object.values(info.examples)
      .map((e) => e.outcome)
      .filter(Boolean);
    expect(exampleOutcomes.sort()).toEqual([...info.outcomes].sort());
  });

  test('return and reject need a reason; unknown outcomes and fields are refused', () => {
    const s = completionSchemaFor('assessment_approval');
    expect(s.safeParse({ outcome: 'return', data: {} }).success).toBe(false);
    expect(s.safeParse({ outcome: 'reject', data: { reason: 'Bukan PMKS.' } }).success).toBe(true);
    expect(s.safeParse({ outcome: 'maybe', data: {} }).success).toBe(false);
    expect(s.safeParse({ outcome: 'approve', data: { extra: 1 } }).success).toBe(false);
    expect(completionSchemaFor('asesmen').safeParse({ outcome: 'approve', data: TASK_TYPE_INFO.asesmen.examples.submit.data }).success).toBe(false);
  });
});

describe('task types', () => {
  test('OUTCOMES lists exactly the outcomes the task types have', () => {
    const used = new Set(TASK_TYPES.flatMap((t) => TASK_TYPE_INFO[t].outcomes));
    expect([...used].sort()).toEqual([...OUTCOMES].sort());
  });
});

describe('policy: who may complete a task', () => {
  const tksk1: Actor = { id: 'u1', username: 'tksk1', role: 'tksk', regionCode: '33.73.01' };
  const tksk2: Actor = { id: 'u2', username: 'tksk2', role: 'tksk', regionCode: '33.73.02' };
  const sup: Actor = { id: 's1', username: 'supervisor1', role: 'supervisor_kabupaten', regionCode: '33.73' };
  const otherSup: Actor = { id: 's9', username: 'x', role: 'supervisor_kabupaten', regionCode: '33.74' };

  test('role, region, assignment and four-eyes', () => {
    const asesmen = { type: 'asesmen' as const, regionCode: '33.73.01', assigneeId: 'u1' };
    expect(canCompleteTask(tksk1, asesmen).ok).toBe(true);
    expect(canCompleteTask(tksk2, asesmen).ok).toBe(false);
    expect(canCompleteTask({ ...tksk2, regionCode: '33.73.01' }, asesmen)).toMatchObject({ ok: false, reason: expect.stringMatching(/another TKSK/) });
    expect(canCompleteTask(sup, asesmen).ok).toBe(false);

    const approval = { type: 'assessment_approval' as const, regionCode: '33.73.01', submittedBy: 'u1' };
    expect(canCompleteTask(sup, approval).ok).toBe(true);
    expect(canCompleteTask(otherSup, approval).ok).toBe(false);
    expect(canCompleteTask(tksk1, approval).ok).toBe(false);
    expect(canCompleteTask(sup, { ...approval, submittedBy: 's1' })).toMatchObject({ ok: false, reason: expect.stringMatching(/four-eyes/) });
  });

  test('each refusal carries a code (what the portal shows)', () => {
    const asesmen = { type: 'asesmen' as const, regionCode: '33.73.01', assigneeId: 'u1' };
    const approval = { type: 'assessment_approval' as const, regionCode: '33.73.01', submittedBy: 's1' };
    expect(checkTaskCompletion(tksk1, asesmen)).toEqual({ ok: true });
    expect(checkTaskCompletion(sup, asesmen)).toMatchObject({ ok: false, refusal: 'role' });
    expect(checkTaskCompletion(tksk2, asesmen)).toMatchObject({ ok: false, refusal: 'region' });
    expect(checkTaskCompletion({ ...tksk2, regionCode: '33.73.01' }, asesmen)).toMatchObject({ ok: false, refusal: 'assignee' });
    expect(checkTaskCompletion(sup, approval)).toMatchObject({ ok: false, refusal: 'own' });
  });
});

describe('ISO 8601 durations', () => {
  test('parse and add', () => {
    expect(parseIsoDuration('P3D')).toMatchObject({ days: 3 });
    expect(parseIsoDuration('PT4H30M')).toMatchObject({ hours: 4, minutes: 30 });
    expect(parseIsoDuration('P')).toBeUndefined();
    expect(parseIsoDuration('3D')).toBeUndefined();
    expect(addIsoDuration(new Date('2026-01-31T00:00:00Z'), 'P1W').toISOString()).toBe('2026-02-07T00:00:00.000Z');
    expect(addIsoDuration(new Date('2026-01-15T10:00:00Z'), 'P1M').toISOString()).toBe('2026-02-15T10:00:00.000Z');
  });
});

describe('tali asih claim periods', () => {
  // 2026-11-30 17:30 UTC is 2026-12-01 00:30 in WIB: December has begun.
  const now = new Date('2026-11-30T17:30:00Z');
  test('the current month is taken in WIB', () => {
    expect(currentPeriod(now)).toBe('2026-12');
    expect(currentPeriod(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11');
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(previousPeriod('2026-12')).toBe('2026-11');
  });
  test('never a future period; a TKSK the current or previous month; a supervisor backfills', () => {
    for (const role of ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'] as const) {
      expect(claimPeriodProblem(role, '2027-01', now)).toMatch(/has not begun/);
      expect(claimPeriodProblem(role, '2026-12', now)).toBeUndefined();
      expect(claimPeriodProblem(role, '2026-11', now)).toBeUndefined();
    }
    expect(claimPeriodProblem('tksk', '2026-10', now)).toMatch(/2026-11 or 2026-12 only/);
    expect(claimPeriodProblem('supervisor_kabupaten', '2026-10', now)).toBeUndefined();
    expect(claimPeriodProblem('supervisor_provinsi', '2021-03', now)).toBeUndefined();
    expect(claimPeriodProblem('tksk', '2026-12', new Date('2026-11-30T16:00:00Z'))).toMatch(/has not begun/);
  });
});
