// The access policy as a table written by hand: who may do what, where. Each cell is the answer
// the product promises (PRODUCT.md §1, §5), not one computed from domain/access.ts.
import { authorize, AuthorizationError, decide, needsSecondAdmin, type Action } from '../../domain/access';
import { ROLES, type Actor } from '../../domain/roles';

const actor = (id: string, role: Actor['role'], regionCode: string | null): Actor => ({ id: `usr_${id}`, username: id, role, regionCode });
const USERS = {
  tksk1: actor('tksk1', 'tksk', '33.73.01'),
  supervisor1: actor('supervisor1', 'supervisor_kabupaten', '33.73'),
  provinsi1: actor('provinsi1', 'supervisor_provinsi', '33'),
  auditor1: actor('auditor1', 'auditor', '33'),
  admin: actor('admin', 'admin', null),
};
type User = keyof typeof USERS;
const yes = true;
const no = false;

/** Role alone (no region given). Columns: tksk1, supervisor1, provinsi1, auditor1, admin. */
const BY_ROLE: Record<Action, [boolean, boolean, boolean, boolean, boolean]> = {
  'case.register': [yes, no, no, no, no],
  'case.list': [yes, yes, yes, yes, no],
  'case.history': [no, yes, yes, yes, no],
  'task.list': [yes, yes, yes, yes, no],
  'case.intervene': [no, yes, yes, no, no],
  'case.bulk_reassign': [no, yes, yes, no, no],
  'settings.manage': [no, no, no, no, yes],
  'user.manage': [no, no, no, no, yes],
  'user.list_assignable': [no, yes, yes, no, no],
  'audit.read': [no, yes, yes, yes, yes],
  'audit.verify': [no, no, no, yes, yes],
  'data_subject.export': [no, no, no, no, yes],
  'privileged.confirm': [no, no, no, no, yes],
  'claim.create': [yes, yes, yes, no, no],
  'claim.list': [yes, yes, yes, yes, no],
  'budget.read': [no, yes, yes, yes, no],
  'budget.manage': [no, no, yes, no, no],
  'directory.read': [yes, yes, yes, yes, yes],
  'sembako.kpm_import': [yes, yes, no, no, no],
  'sembako.kpm_list': [yes, yes, yes, yes, no],
  'sembako.period_open': [yes, yes, no, no, no],
  'sembako.period_list': [yes, yes, yes, yes, no],
  'sembako.sanction_propose': [no, yes, no, no, no],
  'sembako.sanction_list': [no, yes, yes, yes, no],
  'complaint.create': [yes, yes, no, no, no],
  'complaint.list': [yes, yes, yes, yes, no],
  'complaint.act': [yes, yes, yes, no, no],
  'claim.reissue': [no, no, yes, no, no],
  'export.read': [no, yes, yes, yes, no],
  'tksk_assignment.manage': [no, yes, no, no, yes],
  'tksk_assignment.read': [no, yes, yes, yes, yes],
  'sembako.kpm_fix_propose': [yes, yes, no, no, no],
  'sembako.kpm_fix_list': [yes, yes, yes, yes, no],
  'sembako.calendar_manage': [no, yes, no, no, no],
  'sembako.calendar_list': [yes, yes, yes, yes, no],
  'psks.read': [yes, yes, yes, yes, no],
  'psks.manage': [yes, yes, yes, no, no],
  'pemetaan.count': [yes, yes, no, no, no],
  'pemetaan.import': [no, yes, yes, no, no],
  'meeting.create': [yes, yes, yes, no, no],
  'meeting.list': [yes, yes, yes, yes, no],
  'meeting.attach': [yes, yes, yes, no, no],
  'monthly_report.create': [yes, yes, yes, no, no],
  'monthly_report.list': [yes, yes, yes, yes, no],
  'task.claim': [yes, yes, yes, no, no],
  'task.take_over': [no, yes, yes, no, no],
  'task.plan': [yes, yes, yes, no, no],
  'task.comment': [yes, yes, yes, no, no],
  'saved_filter.manage': [yes, yes, yes, yes, no],
};

test('sembako.kpm_import by region: only the kecamatan itself (TKSK) or one of the kabupaten (supervisor)', () => {
  const kecamatan = ['33.73.01', '33.73.02', '33.74.01'];
  const got = Object.fromEntries(
    (['tksk1', 'supervisor1', 'provinsi1'] as const).map((u) => [u, kecamatan.map((k) => decide(USERS[u], 'sembako.kpm_import', k).ok)]),
  );
  expect(got).toEqual({
    tksk1: [yes, no, no],
    supervisor1: [yes, yes, no],
    provinsi1: [no, no, no], // the provinsi reads the register, the kabupaten keeps it
  });
});

test.each(Object.entries(BY_ROLE))('%s by role', (action, row) => {
  const got = (Object.keys(USERS) as User[]).map((u) => decide(USERS[u], action as Action).ok);
  expect(got).toEqual(row);
});

test('case.history by region: Sidorejo 33.73.01, Tingkir 33.73.02, Semarang 33.74.01, Yogyakarta 34.71.01', () => {
  const places = ['33.73.01.1001', '33.73.02.1005', '33.74.01.1001', '34.71.01.1001'];
  const got = Object.fromEntries(
    (['supervisor1', 'provinsi1', 'auditor1'] as const).map((u) => [u, places.map((p) => decide(USERS[u], 'case.history', p).ok)]),
  );
  expect(got).toEqual({
    supervisor1: [yes, yes, no, no],
    provinsi1: [yes, yes, yes, no],
    auditor1: [yes, yes, yes, no],
  });
});

test('interventions: a note also from the case’s own TKSK, the rest for supervisors covering the case', () => {
  const sidorejo = { kecamatanCode: '33.73.01', assigneeId: 'usr_tksk1' };
  const semarang = { kecamatanCode: '33.74.01', assigneeId: 'usr_smg' };
  const tksk3 = actor('tksk3', 'tksk', '33.73.01');
  const cell = (a: Actor, intervention: string, c: typeof sidorejo) => decide(a, 'case.intervene', { intervention, ...c }).ok;
  expect({
    'tksk1 note on own case': cell(USERS.tksk1, 'note', sidorejo),
    'tksk1 pause on own case': cell(USERS.tksk1, 'pause', sidorejo),
    'tksk3 note on a colleague’s case': cell(tksk3, 'note', sidorejo),
    'supervisor1 cancel in Sidorejo': cell(USERS.supervisor1, 'cancel', sidorejo),
    'supervisor1 note in Semarang': cell(USERS.supervisor1, 'note', semarang),
    'provinsi1 reassign in Semarang': cell(USERS.provinsi1, 'reassign', semarang),
    'auditor1 note in Sidorejo': cell(USERS.auditor1, 'note', sidorejo),
    'admin note in Sidorejo': cell(USERS.admin, 'note', sidorejo),
  }).toEqual({
    'tksk1 note on own case': yes,
    'tksk1 pause on own case': no,
    'tksk3 note on a colleague’s case': no,
    'supervisor1 cancel in Sidorejo': yes,
    'supervisor1 note in Semarang': no,
    'provinsi1 reassign in Semarang': yes,
    'auditor1 note in Sidorejo': no,
    'admin note in Sidorejo': no,
  });
});

test('completing a task: the type’s role, the region, the assignee, four-eyes', () => {
  const asesmen = { type: 'asesmen', regionCode: '33.73.01', assigneeId: 'usr_tksk1', submittedBy: null } as const;
  const approval = { type: 'assessment_approval', regionCode: '33.73.01', assigneeId: null, submittedBy: 'usr_supervisor1' } as const;
  const cell = (a: Actor, t: typeof asesmen | typeof approval) => decide(a, 'task.complete', t).ok;
  expect({
    'tksk1 asesmen': cell(USERS.tksk1, asesmen),
    'tksk3 asesmen of tksk1': cell(actor('tksk3', 'tksk', '33.73.01'), asesmen),
    'supervisor1 asesmen': cell(USERS.supervisor1, asesmen),
    'supervisor2 approval': cell(actor('supervisor2', 'supervisor_kabupaten', '33.73'), approval),
    'supervisor1 approval of own submission': cell(USERS.supervisor1, approval),
    'Semarang supervisor approval': cell(actor('smg', 'supervisor_kabupaten', '33.74'), approval),
    'provinsi1 approval': cell(USERS.provinsi1, approval),
  }).toEqual({
    'tksk1 asesmen': yes,
    'tksk3 asesmen of tksk1': no,
    'supervisor1 asesmen': no,
    'supervisor2 approval': yes,
    'supervisor1 approval of own submission': no,
    'Semarang supervisor approval': no,
    'provinsi1 approval': no, // a kabupaten supervisor's task
  });
});

test('claims: a TKSK opens their own; a supervisor one for a TKSK of their region', () => {
  const cell = (a: Actor, tkskId: string, regionCode?: string) => decide(a, 'claim.create', { tkskId, regionCode }).ok;
  expect([
    cell(USERS.tksk1, 'usr_tksk1', '33.73.01'),
    cell(USERS.tksk1, 'usr_tksk2'),
    cell(USERS.supervisor1, 'usr_tksk2', '33.73.02'),
    cell(USERS.supervisor1, 'usr_smg', '33.74.01'),
    cell(USERS.provinsi1, 'usr_smg', '33.74.01'),
    cell(USERS.auditor1, 'usr_tksk1', '33.73.01'),
  ]).toEqual([yes, no, yes, no, yes, no]);
});

test('privileged requests: another admin confirms, never the requester nor another role', () => {
  const admin2 = actor('admin2', 'admin', null);
  const request = { requestedBy: 'usr_admin' };
  expect(decide(admin2, 'privileged.confirm', request).ok).toBe(true);
  expect(decide(USERS.admin, 'privileged.confirm', request)).toEqual({ ok: false, reason: 'four-eyes: a second admin must confirm your request' });
  for (const u of ['tksk1', 'supervisor1', 'provinsi1', 'auditor1'] as const) expect(decide(USERS[u], 'privileged.confirm', request).ok).toBe(false);
  // Whose accounts wait for the second admin: everyone's but a TKSK's.
  expect(ROLES.filter(needsSecondAdmin)).toEqual(['supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin']);
});

test('authorize throws an AuthorizationError with the reason, and returns when allowed', () => {
  expect(() => authorize(USERS.tksk1, 'audit.read')).toThrow(new AuthorizationError('role tksk may not audit.read'));
  expect(() => authorize(USERS.supervisor1, 'case.history', '33.74.01.1001')).toThrow(AuthorizationError);
  expect(authorize(USERS.supervisor1, 'case.history', '33.73.02.1005')).toBeUndefined();
});
