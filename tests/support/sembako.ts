// Helpers for the Program Sembako tests: KPM rows no other test of the run uses, as CSV or rows.
import { KPM_COLUMNS } from '../../domain/sembako';
import { call, freshNik, login, runUnique } from './stack';

/** A distribution period no other test opens: a month of the 2030s, one per call in the run. */
export function freshPeriod(): string {
  const n = runUnique('sembako-period', 120) - 1;
  return `${2030 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

export type KpmCells = Record<(typeof KPM_COLUMNS)[number], string>;

/** A KPM of Sidorejo (unless overridden) whose ids, KK and KKS numbers and NIK are unique in the run. */
export function kpmRow(overrides: Partial<KpmCells> = {}): KpmCells {
  const n = String(runUnique('kpm', 99_999_999)).padStart(8, '0');
  return {
    id_kpm: `33730100${n}`,
    id_pengurus: `33730199${n}`,
    no_kks: `52642200${n}`,
    no_kk: `33730112${n}`,
    nik_pengurus: freshNik(),
    nama_pengurus: 'Siti Aminah',
    status_pkh: 'pkh',
    kode_desa: '33.73.01.1001',
    saluran: 'kks',
    bank: 'BRI',
    ...overrides,
  };
}

export const kpmCsv = (rows: KpmCells[], sep = ',') => [KPM_COLUMNS.join(sep), ...rows.map((r) => KPM_COLUMNS.map((c) => r[c]).join(sep))].join('\r\n');

export const importKpmAs = async (user: string | { token: string }, body: Record<string, unknown>) =>
  call('POST', '/api/sembako/kpm/imports', { token: typeof user === 'string' ? await login(user) : user.token, body });

/** Imports one KPM into `kecamatanCode`'s register as `user` and answers its register id. */
export async function registeredKpm(user: string, kecamatanCode: string, overrides: Partial<KpmCells> = {}): Promise<{ id: string; cells: KpmCells }> {
  const cells = kpmRow(overrides);
  const r = await importKpmAs(user, { kecamatanCode, rows: [cells] });
  if (r.status !== 201) throw new Error(`import: ${r.status} ${JSON.stringify(r.body)}`);
  const listed = await call('GET', `/api/sembako/kpm?filter=${encodeURIComponent(JSON.stringify({ idKpm: cells.id_kpm }))}`, { token: await login(user) });
  return { id: listed.body[0].id, cells };
}

/** A KPM list check answer (task sembako_kpm_check): `listed` KPM, `notFound` of them not in the register. */
export const kpmCheckData = (listed: number, notFound = 0, problems: Partial<Record<'meninggal' | 'pindah' | 'ganda' | 'tidakLayak', number>> = {}) => ({
  checkedOn: new Date(Date.now() + 7 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10),
  kpmListed: listed,
  kpmFound: listed - notFound,
  kpmNotFound: notFound,
  problems: { meninggal: 0, pindah: 0, ganda: 0, tidakLayak: 0, ...problems },
});

/** Completes the period's open KPM list check as `token`'s user (the period may then go on to its report). */
export async function completeKpmCheck(token: string, periodId: string, listed = 10): Promise<void> {
  const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  const open = await call('GET', `/api/tasks?filter=${q({ workflowId: periodId, status: 'open', type: 'sembako_kpm_check' })}`, { token });
  const task = (open.body as { id: string; type: string }[]).find((t) => t.type === 'sembako_kpm_check');
  if (!task) throw new Error(`no open KPM list check in ${periodId}`);
  const r = await call('POST', `/api/tasks/${task.id}/complete`, { token, body: { data: kpmCheckData(listed) } });
  if (r.status !== 200) throw new Error(`KPM list check: ${r.status} ${JSON.stringify(r.body)}`);
}
