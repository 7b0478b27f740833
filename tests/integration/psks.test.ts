// The PSKS directory on the real stack: the versioned types, entries of a region (created and
// changed by the kecamatan's TKSK or a supervisor, refused elsewhere, every change audited), and a
// referral (rujukan) that names an entry: checked before anything changes, then listed on the
// entry with whether it was answered.
import { act, completeOk, getCase, openTask, recentDate, referral, toPendampingan, visit, waitUntil, complete } from '../support/casework';
import { call, db, login } from '../support/stack';

const sql = db();
afterAll(() => sql.end());
const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const serial = `${Date.now() % 1_000_000}`;

const lks = (overrides: Record<string, unknown> = {}) => ({
  typeCode: 'LKS',
  name: `LKS Uji Rindang Asih ${serial}`,
  desaCode: '33.73.01.1002',
  serviceArea: 'kecamatan',
  contactName: 'Sri Wahyuni',
  contactPhone: '081234567890',
  capacity: 30,
  registrationNumber: '460/123/Dinsos/2024',
  accreditation: 'B',
  ...overrides,
});

async function create(user: string, body: Record<string, unknown>) {
  return call('POST', '/api/psks', { token: await login(user), body });
}

test('the types are the 12 of Permensos 8/2012, versioned', async () => {
  const r = await call('GET', '/api/psks-types', { token: await login('tksk1') });
  expect(r.status).toBe(200);
  expect(r.body).toHaveLength(12);
  expect(r.body.map((t: { id: string }) => t.id)).toEqual(['PSP', 'PSM', 'TAGANA', 'LKS', 'KT', 'LK3', 'KP', 'WKSBM', 'WPKS', 'PENSOS', 'TKSK', 'DU']);
  expect(new Set(r.body.map((t: { version: string }) => t.version))).toEqual(new Set(['2012-12']));
  expect((await call('GET', '/api/psks-types?version=1999-01', { token: await login('tksk1') })).body).toEqual([]);
  expect((await call('GET', '/api/psks-types', { token: await login('admin') })).status).toBe(403);
});

describe('entries', () => {
  let id = '';

  test('the TKSK adds an LKS of their kecamatan: audited, listed with the filters, shown', async () => {
    const r = await create('tksk1', lks());
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({
      typeCode: 'LKS',
      typeVersion: '2012-12',
      kecamatanCode: '33.73.01',
      kabupatenCode: '33.73',
      accreditation: 'B',
      referrals: [],
    });
    const [audit] = await sql`SELECT actor_id, action FROM audit_log WHERE entity_type = 'psks_entry' AND entity_id = ${id}`;
    expect(audit).toMatchObject({ actorId: 'usr_tksk1', action: 'psks.created' });

    const tksk1 = await login('tksk1');
    const found = await call('GET', `/api/psks?filter=${q({ type: 'LKS', kecamatan: '33.73.01', q: `rindang asih ${serial}` })}`, { token: tksk1 });
    expect(found.status).toBe(200);
    expect(found.body.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(found.headers.get('content-range')).toBe('psks 0-0/1');
    expect((await call('GET', `/api/psks?filter=${q({ desa: '33.73.01.1003', id: [id] })}`, { token: tksk1 })).body).toEqual([]);
    expect((await call('GET', `/api/psks/${id}`, { token: await login('auditor1') })).body.name).toBe(lks().name);
  });

  test('outside the region: another kecamatan’s TKSK neither sees nor writes it', async () => {
    const tksk2 = await login('tksk2');
    expect((await call('GET', `/api/psks?filter=${q({ id: [id] })}`, { token: tksk2 })).body).toEqual([]);
    expect((await call('GET', `/api/psks/${id}`, { token: tksk2 })).status).toBe(404);
    expect((await call('PATCH', `/api/psks/${id}`, { token: tksk2, body: { capacity: 1 } })).status).toBe(404);
    const elsewhere = await create('tksk2', lks({ name: `LKS bukan wilayah ${serial}` }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.contentType).toContain('application/problem+json');
    expect((await create('admin', lks())).status).toBe(403);
  });

  test('bad input: field paths, nothing written', async () => {
    const before = (await sql`SELECT count(*)::int AS n FROM psks_entries`)[0].n;
    const onKarangTaruna = await create('tksk1', lks({ typeCode: 'KT', name: `Karang Taruna Uji ${serial}` }));
    expect(onKarangTaruna.status).toBe(422);
    expect(onKarangTaruna.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/registrationNumber']);
    const unknownType = await create('tksk1', { typeCode: 'PKH', name: 'Pendamping PKH', desaCode: '33.73.01.1001' });
    expect(unknownType.status).toBe(422);
    expect(unknownType.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/typeCode']);
    const badPhone = await create('tksk1', { typeCode: 'PSM', name: 'Ibu Sumarni', desaCode: '33.73.01.1001', contactPhone: '12' });
    expect(badPhone.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/contactPhone']);
    expect((await sql`SELECT count(*)::int AS n FROM psks_entries`)[0].n).toBe(before);
  });

  test('the TKSK and the supervisor change it; clearing a field; an LKS field stays on an LKS', async () => {
    const changed = await call('PATCH', `/api/psks/${id}`, { token: await login('tksk1'), body: { capacity: 35, contactName: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ capacity: 35, contactName: null, accreditation: 'B' });
    const bySupervisor = await call('PATCH', `/api/psks/${id}`, { token: await login('supervisor1'), body: { accreditation: 'A' } });
    expect(bySupervisor.body.accreditation).toBe('A');
    const moved = await call('PATCH', `/api/psks/${id}`, { token: await login('tksk1'), body: { desaCode: '33.73.02.1001' } });
    expect(moved.status).toBe(422);
    const actions = await sql`SELECT action, actor_id FROM audit_log WHERE entity_type = 'psks_entry' AND entity_id = ${id} ORDER BY seq`;
    expect(actions.map((a) => `${a.action}:${a.actorId}`)).toEqual([
      'psks.created:usr_tksk1',
      'psks.read:usr_auditor1', // an auditor's read is on the record (UU PDP)
      'psks.updated:usr_tksk1',
      'psks.updated:usr_supervisor1',
    ]);
  });

  test('a referral names the entry: checked first, then listed on the entry until and after it is answered', async () => {
    const caseId = await toPendampingan('tksk1');
    const outside = await create('tksk2', lks({ name: `LKS Tingkir ${serial}`, desaCode: '33.73.02.1001' }));
    expect(outside.status).toBe(201);
    const visitTask = await openTask(caseId, 'pendampingan_visit', 'tksk1');
    const refused = await complete(visitTask.id, 'tksk1', visit('refer', { referral: { ...referral, destinationType: 'lks', psksId: outside.body.id } }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/data/referral/psksId']);
    expect((await openTask(caseId, 'pendampingan_visit', 'tksk1')).id).toBe(visitTask.id);

    await completeOk(
      caseId,
      'pendampingan_visit',
      'tksk1',
      visit('refer', { referral: { ...referral, destinationType: 'lks', institutionName: lks().name, psksId: id } }),
    );
    const shown = await waitUntil('the referral on the entry', async () => {
      const r = await call('GET', `/api/psks/${id}`, { token: await login('tksk1') });
      return r.body.referrals.length ? r.body : undefined;
    });
    expect(shown.referrals).toEqual([expect.objectContaining({ referralId: `${caseId}-1`, caseId, status: 'open', answered: false, destinationType: 'lks' })]);
    // Another kecamatan's TKSK does not see the entry; a supervisor of the kabupaten sees the referral too.
    expect((await call('GET', `/api/psks/${id}`, { token: await login('supervisor1') })).body.referrals).toHaveLength(1);

    await completeOk(caseId, 'rujukan_feedback', 'tksk1', { outcome: 'served', data: { acknowledgedAt: recentDate(), serviceOutcome: 'Diterima di panti.' } });
    await waitUntil('referral served', async () => (await getCase(caseId)).referrals[0]?.status === 'served');
    const answered = await call('GET', `/api/psks/${id}`, { token: await login('tksk1') });
    expect(answered.body.referrals).toEqual([expect.objectContaining({ status: 'served', answered: true })]);
    // A referral without psksId still works as before (no entry named).
    const [row] = await sql`SELECT psks_id FROM referrals WHERE id = ${`${caseId}-1`}`;
    expect(row.psksId).toBe(id);
    await act(caseId, 'cancel', 'supervisor1', { reason: 'Uji PSKS selesai, kasus dibatalkan.' });
  });
});
