// GET /api/reports/summary as documented: every role's answer fits the schema in the OpenAPI
// document; supervisors and auditors also get the stipend totals per period of their region.
import { reportSummarySchema } from '../../api/reports/schema';
import { call, login } from '../support/stack';
import { completeOk } from '../support/taliAsih';

const summary = async (user: string) => {
  const r = await call('GET', '/api/reports/summary', { token: await login(user) });
  expect(r.status).toBe(200);
  const parsed = reportSummarySchema.strict().safeParse(r.body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return parsed.data!;
};

test('stipend totals per period for the region, oldest first; none for a TKSK', async () => {
  // A period no other test uses: tksk1 (Rp 1.000.000 before the 2026 assignment) and tksk3.
  const period = '2025-11';
  const a = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: 'usr_tksk1' } });
  const b = await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: 'usr_tksk3' } });
  expect([a.status, b.status]).toEqual([201, 201]);
  await completeOk(a.body.id, 'tali_asih_report', 'tksk1', { data: { narrative: 'Laporan bulan November: pendampingan lansia dan rujukan.' } });
  await completeOk(a.body.id, 'tali_asih_verification', 'supervisor1', { outcome: 'reject', data: { reason: 'Periode ini sudah dibayar lewat APBD.' } });

  for (const user of ['supervisor1', 'provinsi1', 'auditor1']) {
    const s = await summary(user);
    const periods = s.stipendByPeriod!.map((p) => p.period);
    expect(periods).toEqual([...periods].sort());
    expect(s.stipendByPeriod!.find((p) => p.period === period)).toEqual({ period, claims: 2, claimed: 2_000_000, approved: 0, paid: 0 });
  }
  expect((await summary('tksk1')).stipendByPeriod).toBeUndefined();
});

test('overdue case tasks by type add up to the overdue count', async () => {
  for (const user of ['tksk1', 'supervisor1', 'provinsi1']) {
    const s = await summary(user);
    expect(s.overdueByType.reduce((n, t) => n + t.count, 0)).toBe(s.overdueTasks);
  }
});
