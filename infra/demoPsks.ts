// Demo data for the PSKS directory and the pemetaan sosial of Kota Salatiga (`npm start`): a few
// directory entries per kecamatan, field counts per desa of Sidorejo and Tingkir, and a DTSEN
// extract of Fakir Miskin counts for every desa of the kota, so the matrix and its chart say
// something. Like infra/demo.ts it drives the PUBLIC API as the demo accounts, and is idempotent:
// an entry is looked up by name first, a desa that has a field count gets none, and the extract is
// imported once.
import type { DemoApi } from './demoApi';

type Log = (line: string) => void;

export interface DemoPsksOptions {
  api: DemoApi;
  log: Log;
  /** "Today" (tests only); the real date otherwise. */
  now?: Date;
}

export interface DemoPsksResult {
  entries: number;
  counts: number;
  imported: number;
  refused: string[];
}

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const jakartaDate = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const daysBefore = (d: Date, n: number) => new Date(d.getTime() - n * 86_400_000);

/** Entries by who adds them (the kecamatan's TKSK; the supervisor for kecamatan without a demo TKSK). */
export const DEMO_PSKS: { by: string; body: Record<string, unknown> }[] = [
  {
    by: 'tksk1',
    body: {
      typeCode: 'LKS',
      name: 'LKS Lanjut Usia Ngudi Mulyo',
      desaCode: '33.73.01.1002',
      serviceArea: 'kecamatan',
      address: 'Jl. Diponegoro 48, RT 03/RW 02',
      contactName: 'Sri Wahyuni',
      contactPhone: '081225550101',
      capacity: 30,
      services: 'Pelayanan lanjut usia telantar: home care dan day care.',
      registrationNumber: '460/045/Dinsos/2023',
      accreditation: 'B',
    },
  },
  {
    by: 'tksk1',
    body: {
      typeCode: 'KT',
      name: 'Karang Taruna Tunas Bangsa',
      desaCode: '33.73.01.1001',
      contactName: 'Andi Saputra',
      contactPhone: '081225550102',
      capacity: 40,
    },
  },
  {
    by: 'tksk1',
    body: {
      typeCode: 'PSM',
      name: 'Sumarni',
      desaCode: '33.73.01.1003',
      contactPhone: '081225550103',
      services: 'Pendampingan lansia dan disabilitas di RW 01–05.',
    },
  },
  { by: 'tksk1', body: { typeCode: 'TAGANA', name: 'Slamet Widodo', desaCode: '33.73.01.1004', serviceArea: 'kecamatan', contactPhone: '081225550104' } },
  { by: 'tksk1', body: { typeCode: 'WPKS', name: 'Endang Kusumawati', desaCode: '33.73.01.1005', contactPhone: '081225550105' } },
  {
    by: 'tksk2',
    body: {
      typeCode: 'LKS',
      name: 'LKSA Putra Harapan',
      desaCode: '33.73.02.1002',
      serviceArea: 'kecamatan',
      contactName: 'Yohanes Prasetyo',
      contactPhone: '081225550201',
      capacity: 25,
      services: 'Pengasuhan anak telantar berbasis keluarga.',
      registrationNumber: '460/112/Dinsos/2022',
      accreditation: 'A',
    },
  },
  { by: 'tksk2', body: { typeCode: 'KT', name: 'Karang Taruna Bina Muda', desaCode: '33.73.02.1001', contactPhone: '081225550202', capacity: 35 } },
  { by: 'tksk2', body: { typeCode: 'WKSBM', name: 'WKSBM Guyub Rukun', desaCode: '33.73.02.1003', contactName: 'Suparmi', contactPhone: '081225550203' } },
  {
    by: 'tksk2',
    body: { typeCode: 'DU', name: 'CV Sumber Rejeki (program CSR)', desaCode: '33.73.02.1004', serviceArea: 'kecamatan', contactPhone: '0298321456' },
  },
  { by: 'tksk2', body: { typeCode: 'PSM', name: 'Rahayu Ningsih', desaCode: '33.73.02.1005', contactPhone: '081225550205' } },
  { by: 'supervisor1', body: { typeCode: 'KT', name: 'Karang Taruna Argo Lestari', desaCode: '33.73.03.1001', capacity: 30 } },
  {
    by: 'supervisor1',
    body: {
      typeCode: 'LK3',
      name: 'LK3 Kota Salatiga',
      desaCode: '33.73.04.1001',
      serviceArea: 'kecamatan',
      contactPhone: '0298325100',
      services: 'Konsultasi keluarga.',
    },
  },
];

/** A desa's field counts: small, fixed numbers that differ by desa (its last digits). */
function fieldCounts(desaCode: string) {
  const n = Number(desaCode.slice(-2));
  return [
    { kind: 'ppks', code: 'LUT', count: 6 + ((n * 5) % 11) },
    { kind: 'ppks', code: 'PD', count: 3 + ((n * 3) % 7) },
    { kind: 'ppks', code: 'AT', count: (n * 2) % 5 },
    { kind: 'ppks', code: 'PRSE', count: 2 + ((n * 7) % 9) },
    { kind: 'ppks', code: 'KBSP', count: 1 + (n % 4) },
    { kind: 'psks', code: 'PSM', count: 1 + (n % 3) },
  ];
}

export async function seedDemoPsks(opts: DemoPsksOptions): Promise<DemoPsksResult> {
  const now = opts.now ?? new Date();
  const result: DemoPsksResult = { entries: 0, counts: 0, imported: 0, refused: [] };
  const api = (user: string, method: string, url: string, body?: unknown) => opts.api.call(user, method, url, body);
  const refuse = (what: string, r: { status: number; body: any }) => {
    const line = `${what} refused: ${r.status} ${r.body?.detail ?? ''}`;
    result.refused.push(line);
    opts.log(`demo: ${line}`);
  };

  // 1. Directory entries, by name within their desa.
  for (const { by, body } of DEMO_PSKS) {
    const found = await api(by, 'GET', `/api/psks?filter=${q({ desa: body.desaCode, q: body.name })}`);
    if (found.status === 200 && (found.body as { name: string }[]).some((e) => e.name === body.name)) continue;
    const r = await api(by, 'POST', '/api/psks', body);
    if (r.status === 201) result.entries++;
    else refuse(`PSKS entry ${String(body.name)}`, r);
  }

  // 2. Field counts a week ago, for each desa of Sidorejo and Tingkir that has none yet.
  const asOf = jakartaDate(daysBefore(now, 7));
  for (const [kecamatan, tksk] of [
    ['33.73.01', 'tksk1'],
    ['33.73.02', 'tksk2'],
  ] as const) {
    const m = await api(tksk, 'GET', `/api/pemetaan?region=${kecamatan}`);
    if (m.status !== 200) {
      refuse(`pemetaan of ${kecamatan}`, m);
      continue;
    }
    for (const row of m.body.rows as { code: string; cells: { source: string }[] }[]) {
      if (row.cells.some((c) => c.source === 'lapangan')) continue;
      const r = await api(tksk, 'POST', '/api/pemetaan/counts', {
        desaCode: row.code,
        asOf,
        counts: fieldCounts(row.code),
        note: 'Pendataan lapangan (data contoh).',
      });
      if (r.status === 201) result.counts += r.body.recorded.length;
      else refuse(`field count of ${row.code}`, r);
    }
  }

  // 3. One DTSEN extract of the kota: Fakir Miskin per desa, as of the quarter's first day.
  const existing = await api('supervisor1', 'GET', `/api/pemetaan/history?filter=${q({ region: '33.73', source: 'impor', code: 'FM' })}&range=${q([0, 0])}`);
  if (existing.status === 200 && !(existing.body as unknown[]).length) {
    const kota = await api('supervisor1', 'GET', '/api/pemetaan?region=33.73');
    const desa: string[] = [];
    for (const kec of (kota.body?.rows ?? []) as { code: string }[]) {
      const m = await api('supervisor1', 'GET', `/api/pemetaan?region=${kec.code}`);
      desa.push(...((m.body?.rows ?? []) as { code: string }[]).map((r) => r.code));
    }
    const [y, mo] = jakartaDate(now).split('-').map(Number);
    const quarter = `${y}-${String(Math.floor((mo - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const csv = ['kode_desa,jenis,kode,jumlah', ...desa.map((d) => `${d},ppks,FM,${40 + ((Number(d.slice(-2)) * 37) % 160)}`)].join('\n');
    if (desa.length) {
      const r = await api('supervisor1', 'POST', '/api/pemetaan/imports', { sourceLabel: 'DTSEN', asOf: quarter, csv });
      if (r.status === 201) result.imported = r.body.counts.rows;
      else refuse('DTSEN extract of Kota Salatiga', r);
    }
  }
  opts.log(`demo: PSKS and pemetaan: ${result.entries} entries, ${result.counts} field counts, ${result.imported} imported counts`);
  return result;
}
