// Demo data for local mode (`npm start`): a KPM register for Sidorejo and Tingkir, Sembako
// distribution periods in every state, complaints in every state and a few casework cases. It
// drives the PUBLIC API over HTTP as the demo accounts (sign in, create, complete tasks), so the
// workflows, the audit chain and the projections are what real use would leave. Idempotent: what
// exists is looked up first (the register import leaves unchanged rows alone, periods have
// deterministic ids, complaints and cases are remembered by id in DATA_DIR/demo-data.json and
// created with an Idempotency-Key), and every record is only driven on towards its target state.
// A refused step is logged and skipped: the demo never makes `npm start` fail.
import fs from 'node:fs';
import path from 'node:path';
import { KPM_COLUMNS, type KpmRow } from '../domain/sembako';
import { TASK_TYPE_INFO, type TaskType } from '../domain/taskTypes';
import { DemoApi, registerDemoCase, summary } from './demoApi';
import { seedDemoCasework } from './demoCasework';
import { seedDemoPsks } from './demoPsks';
import { seedDemoKoordinasi } from './demoKoordinasi';

type Log = (line: string) => void;

export interface DemoOptions {
  apiUrl: string;
  /** Where the ids of the demo complaints and cases are remembered (DATA_DIR). */
  dataDir: string;
  log: Log;
  /** "Today" (tests only); the real date otherwise. */
  now?: Date;
}

export interface DemoResult {
  /** What this run created: a second run on the same data creates nothing. */
  created: { kpm: number; periods: number; complaints: number; cases: number; tasksCompleted: number };
  refused: string[];
}

interface Task {
  id: string;
  type: string;
  status: string;
  regionCode: string;
  context: Record<string, any>;
}

// ---- dates: everything relative to today in Jakarta (WIB) ----

const DAY = 86_400_000;
const jakartaDate = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** YYYY-MM of `monthsBack` months before `now` (WIB). */
export function demoMonth(now: Date, monthsBack: number): string {
  const [y, m] = jakartaDate(now).split('-').map(Number);
  const idx = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

// ---- the register: synthetic KPM whose NIKs pass domain/nik.ts ----

export const DEMO_KECAMATAN = {
  '33.73.01': { tksk: 'tksk1', name: 'Sidorejo', desa: ['33.73.01.1001', '33.73.01.1002', '33.73.01.1003', '33.73.01.1004', '33.73.01.1005', '33.73.01.1006'] },
  '33.73.02': { tksk: 'tksk2', name: 'Tingkir', desa: ['33.73.02.1001', '33.73.02.1002', '33.73.02.1003', '33.73.02.1004', '33.73.02.1005'] },
} as const;
type KecamatanCode = keyof typeof DEMO_KECAMATAN;

const FIRST_NAMES = [
  'Ani',
  'Budi',
  'Citra',
  'Dedi',
  'Eka',
  'Fajar',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
  'Kartini',
  'Lukman',
  'Maya',
  'Nur',
  'Oki',
  'Putri',
  'Rudi',
  'Sari',
];
const BANKS = ['BRI', 'BNI', 'MANDIRI'] as const;

/**
 * `count` KPM of a kecamatan. Numbers are recognisably synthetic: KPM ids, KK and KKS numbers carry
 * `99` after the region, names start with "Contoh". NIK: region prefix, a real birth date, serial n.
 */
export function demoKpmRows(kecamatanCode: KecamatanCode, count: number): KpmRow[] {
  const k = DEMO_KECAMATAN[kecamatanCode];
  const region = kecamatanCode.replace(/\./g, ''); // 337301
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    const woman = i % 2 === 0;
    const day = (i % 27) + 1;
    const month = (i % 12) + 1;
    const yy = 55 + (i % 30);
    const nik = `${region}${String(woman ? day + 40 : day).padStart(2, '0')}${String(month).padStart(2, '0')}${yy}${n}`;
    const pos = i % 7 === 6;
    return {
      id_kpm: `${region}99${'0000'}${n}`,
      id_pengurus: `${region}98${'0000'}${n}`,
      no_kks: pos ? '' : `${region}97${'0000'}${n}`,
      no_kk: `${region}99${'1000'}${n}`,
      nik_pengurus: nik,
      nama_pengurus: `Contoh ${FIRST_NAMES[i % FIRST_NAMES.length]} ${k.name} ${i + 1}`,
      status_pkh: i % 3 === 0 ? 'pkh' : 'non_pkh',
      kode_desa: k.desa[i % k.desa.length],
      saluran: pos ? 'pos' : 'kks',
      bank: pos ? '' : BANKS[i % BANKS.length],
    } as KpmRow;
  });
}

const KPM_COUNT: Record<KecamatanCode, number> = { '33.73.01': 36, '33.73.02': 28 };

// ---- periods: one plan per kecamatan and month ----

type PeriodTarget = 'tikor' | 'monitoring' | 'returned' | 'verification' | 'verified';

interface PeriodPlan {
  kecamatanCode: KecamatanCode;
  monthsBack: number;
  target: PeriodTarget;
}

export const PERIOD_PLANS: PeriodPlan[] = [
  { kecamatanCode: '33.73.01', monthsBack: 2, target: 'verified' },
  { kecamatanCode: '33.73.01', monthsBack: 1, target: 'verification' },
  { kecamatanCode: '33.73.01', monthsBack: 0, target: 'monitoring' },
  { kecamatanCode: '33.73.02', monthsBack: 2, target: 'verified' },
  { kecamatanCode: '33.73.02', monthsBack: 1, target: 'returned' },
  { kecamatanCode: '33.73.02', monthsBack: 0, target: 'tikor' },
];

const POINTS: Record<KecamatanCode, { pointId: string; name: string; kind: 'e_warong' | 'agen' | 'pos'; desaCode: string }[]> = {
  '33.73.01': [
    { pointId: 'demo-ew-blotongan', name: 'E-Warong Contoh Blotongan', kind: 'e_warong', desaCode: '33.73.01.1001' },
    { pointId: 'demo-agen-sidorejo-lor', name: 'Agen Contoh Sidorejo Lor', kind: 'agen', desaCode: '33.73.01.1002' },
    { pointId: 'demo-pos-pulutan', name: 'Titik Bayar Pos Contoh Pulutan', kind: 'pos', desaCode: '33.73.01.1006' },
  ],
  '33.73.02': [
    { pointId: 'demo-ew-kutowinangun', name: 'E-Warong Contoh Kutowinangun', kind: 'e_warong', desaCode: '33.73.02.1001' },
    { pointId: 'demo-agen-kalibening', name: 'Agen Contoh Kalibening', kind: 'agen', desaCode: '33.73.02.1004' },
  ],
};

// ---- complaints: one plan per state ----

type ComplaintTarget = 'forwarding' | 'awaiting_acknowledgement' | 'awaiting_resolution' | 'awaiting_confirmation' | 'closed' | 'withdrawn';
const COMPLAINT_ORDER = ['forwarding', 'awaiting_acknowledgement', 'awaiting_resolution', 'awaiting_confirmation', 'closed'];

interface ComplaintPlan {
  key: string;
  /** Who takes it in: a TKSK for their kecamatan, or supervisor1 naming it. */
  by: string;
  kecamatanCode: KecamatanCode;
  target: ComplaintTarget;
  /** Settled by the TKSK at once (resolve_directly). */
  direct?: boolean;
  daysAgo: number;
  body: Record<string, unknown>;
}

const kpmSubject = (kecamatanCode: KecamatanCode, index: number) => ({ kecamatanCode, index });

export const COMPLAINT_PLANS: (Omit<ComplaintPlan, 'body'> & { body: Record<string, unknown>; kpm?: { kecamatanCode: KecamatanCode; index: number } })[] = [
  {
    key: 'c01',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'forwarding',
    daysAgo: 1,
    kpm: kpmSubject('33.73.01', 3),
    body: {
      channel: 'sms_1708',
      category: 'kartu',
      description: 'Data contoh: saldo KKS kosong saat transaksi di e-warong, padahal bantuan bulan ini belum diambil.',
      complainant: { isKpm: true },
    },
  },
  {
    key: 'c02',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'awaiting_acknowledgement',
    daysAgo: 3,
    body: {
      channel: 'tatap_muka',
      category: 'tepat_harga',
      description: 'Data contoh: harga beras di e-warong di atas harga pasar dan KPM diarahkan membeli paket.',
      complainant: { name: 'Contoh Pengadu Satu', phone: '081200000001', isKpm: true },
      subject: { kind: 'e_warong', name: 'E-Warong Contoh Blotongan', desaCode: '33.73.01.1001' },
    },
  },
  {
    key: 'c03',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'awaiting_resolution',
    daysAgo: 9,
    body: {
      channel: 'telepon',
      category: 'tepat_kualitas',
      description: 'Data contoh: beras yang diterima berkutu dan berbau apak.',
      complainant: { name: 'Contoh Pengadu Dua', phone: '081200000002', isKpm: true },
      subject: { kind: 'e_warong', name: 'Agen Contoh Sidorejo Lor', desaCode: '33.73.01.1002' },
    },
  },
  {
    key: 'c04',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'awaiting_confirmation',
    daysAgo: 16,
    kpm: kpmSubject('33.73.01', 8),
    body: {
      channel: 'dinas_sosial',
      category: 'data',
      description: 'Data contoh: NIK pengurus KPM tidak cocok dengan data Dukcapil.',
      complainant: { isKpm: false },
    },
  },
  {
    key: 'c05',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'closed',
    daysAgo: 35,
    body: {
      channel: 'lapor_go_id',
      laporReference: 'DEMO-0001',
      category: 'tepat_jumlah',
      description: 'Data contoh: berat telur yang diterima kurang dari yang disepakati di Tikor.',
      complainant: { isKpm: true },
      subject: { kind: 'umum' },
    },
  },
  {
    key: 'c06',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'closed',
    direct: true,
    daysAgo: 20,
    kpm: kpmSubject('33.73.01', 12),
    body: { channel: 'tatap_muka', category: 'kartu', description: 'Data contoh: PIN KKS terblokir setelah tiga kali salah.', complainant: { isKpm: true } },
  },
  {
    key: 'c07',
    by: 'tksk1',
    kecamatanCode: '33.73.01',
    target: 'withdrawn',
    daysAgo: 6,
    body: {
      channel: 'telepon',
      category: 'tepat_waktu',
      description: 'Data contoh: penyaluran bulan ini terlambat dari jadwal yang diumumkan.',
      complainant: { name: 'Contoh Pengadu Tiga', isKpm: true },
      subject: { kind: 'umum' },
    },
  },
  {
    key: 'c08',
    by: 'tksk2',
    kecamatanCode: '33.73.02',
    target: 'forwarding',
    daysAgo: 12,
    body: {
      channel: 'lapor_go_id',
      laporReference: 'DEMO-0002',
      category: 'tepat_sasaran',
      description: 'Data contoh: keluarga mampu tercatat sebagai KPM sementara tetangga miskin tidak.',
      complainant: { isKpm: false },
      subject: { kind: 'umum' },
    },
  },
  {
    key: 'c09',
    by: 'tksk2',
    kecamatanCode: '33.73.02',
    target: 'closed',
    daysAgo: 40,
    body: {
      channel: 'bank',
      category: 'perilaku_agen',
      description: 'Data contoh: agen menahan KKS milik KPM setelah transaksi.',
      complainant: { name: 'Contoh Pengadu Empat', phone: '081200000004', isKpm: true },
      subject: { kind: 'e_warong', name: 'Agen Contoh Kalibening', desaCode: '33.73.02.1004' },
    },
  },
  {
    key: 'c10',
    by: 'supervisor1',
    kecamatanCode: '33.73.02',
    target: 'awaiting_resolution',
    daysAgo: 5,
    kpm: kpmSubject('33.73.02', 5),
    body: {
      channel: 'dinas_sosial',
      category: 'kartu',
      description: 'Data contoh: KKS ganda untuk satu keluarga, satu kartu tidak bisa dipakai.',
      complainant: { isKpm: true },
    },
  },
];

// ---- casework: a few cases in different states ----

type CaseTarget = 'assessment' | 'assessment_review' | 'pendampingan' | 'closure_review';
interface CasePlan {
  key: string;
  by: 'tksk1' | 'tksk2';
  target: CaseTarget;
  pmksCode: string;
  nik: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  desaCode: string;
  summary: string;
}

export const CASE_PLANS: CasePlan[] = [
  {
    key: 'k01',
    by: 'tksk1',
    target: 'assessment',
    pmksCode: 'LUT',
    nik: '3373015203480001',
    name: 'Contoh Lansia Sidorejo',
    birthDate: '1948-03-12',
    sex: 'P',
    desaCode: '33.73.01.1003',
    summary: 'Data contoh: lansia tinggal sendiri, tidak ada keluarga yang merawat.',
  },
  {
    key: 'k02',
    by: 'tksk1',
    target: 'assessment_review',
    pmksCode: 'LUT',
    nik: '3373010507510001',
    name: 'Contoh Lansia Bugel',
    birthDate: '1951-07-05',
    sex: 'L',
    desaCode: '33.73.01.1004',
    summary: 'Data contoh: lansia dengan penglihatan menurun, kesulitan memenuhi kebutuhan makan.',
  },
  {
    key: 'k03',
    by: 'tksk2',
    target: 'pendampingan',
    pmksCode: 'LUT',
    nik: '3373026111500001',
    name: 'Contoh Lansia Tingkir',
    birthDate: '1950-11-21',
    sex: 'P',
    desaCode: '33.73.02.1005',
    summary: 'Data contoh: lansia terlantar, tinggal di rumah tidak layak huni.',
  },
  {
    key: 'k04',
    by: 'tksk1',
    target: 'closure_review',
    pmksCode: 'LUT',
    nik: '3373011409460001',
    name: 'Contoh Lansia Pulutan',
    birthDate: '1946-09-14',
    sex: 'L',
    desaCode: '33.73.01.1006',
    summary: 'Data contoh: lansia sakit menahun tanpa pendamping keluarga.',
  },
];
const CASE_ORDER: CaseTarget[] = ['assessment', 'assessment_review', 'pendampingan', 'closure_review'];

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

// ---- what each task type is completed with: one entry per type ----

interface TaskDataContext {
  task: Task;
  /** The date the work happened (YYYY-MM-DD, not after today). */
  on: (dayOfPeriod: number) => string;
  today: string;
  kecamatan: (typeof DEMO_KECAMATAN)[KecamatanCode];
  /** KPM of the register at a desa (the daftar at a point). */
  kpmAt: (desaCode: string) => number;
  /** The plan's choice at a decision (period returned once, complaint settled directly). */
  decide: (type: string) => string | undefined;
}

type Completion = { outcome?: string; data: Record<string, unknown> };

/**
 * The demo's answer per task type. A step type added later needs one entry here; an open task of a
 * type without one is logged and left open.
 */
export const TASK_DATA: Partial<Record<TaskType | string, (c: TaskDataContext) => Completion>> = {
  sembako_tikor_meeting: (c) => ({
    data: {
      meetingOn: c.on(2),
      chair: `Sekcam ${c.kecamatan.name}`,
      attendees: [
        { role: 'Petugas bank', organisation: `BRI Unit ${c.kecamatan.name}` },
        { role: 'Pemasok', organisation: 'CV Contoh Pangan' },
        { role: 'Pengelola e-warong', organisation: 'Paguyuban e-warong kecamatan' },
      ],
      agreements: ['Beras premium 10 kg dan telur 1 kg per KPM', 'Penyaluran mulai tanggal 5', 'Harga mengikuti harga pasar minggu lalu'],
      notes: 'Data contoh.',
    },
  }),
  sembako_monitoring: (c) => {
    const point = c.task.context.point as { pointId: string; desaCode: string };
    const checklist = (c.task.context.checklist ?? []) as { itemId: string }[];
    const seed = [...point.pointId].reduce((a, ch) => a + ch.charCodeAt(0), 0);
    const failing = checklist.length ? checklist[seed % checklist.length].itemId : undefined;
    const listed = Math.max(4, c.kpmAt(point.desaCode) * 10 + (seed % 7));
    const served = listed - (seed % 4);
    return {
      data: {
        visitedOn: c.on(8),
        results: checklist.map((i) =>
          i.itemId === failing && seed % 2 === 0
            ? { itemId: i.itemId, ok: false, note: 'Data contoh: tidak sesuai saat dikunjungi.' }
            : { itemId: i.itemId, ok: true },
        ),
        kendala: served < listed ? 'Data contoh: sebagian KPM belum bertransaksi.' : undefined,
        recommendRevocation: false,
        kpmListed: listed,
        kpmServed: served,
        cardProblems:
          served < listed
            ? [
                { bank: 'BRI', kind: 'saldo_kosong', count: Math.max(1, listed - served - 1) },
                { bank: 'BNI', kind: 'pin_terblokir', count: 1 },
              ]
            : [],
      },
    };
  },
  sembako_period_report: (c) => ({
    data: {
      narrative: `Data contoh: penyaluran di kecamatan ${c.kecamatan.name} berjalan tertib; kendala kartu dicatat per bank dan diteruskan.`,
      kendala: c.task.context.returnNote ? 'Foto harga di titik penyaluran dilampirkan.' : undefined,
    },
  }),
  sembako_kpm_check: (c) => {
    // The period's list as the register counts it, one KPM of it found deceased (example data).
    const listed = Number((c.task.context.register as { active?: number } | undefined)?.active ?? 0);
    return {
      data: {
        checkedOn: c.on(1),
        kpmListed: listed,
        kpmFound: listed,
        kpmNotFound: 0,
        problems: { meninggal: listed > 0 ? 1 : 0, pindah: 0, ganda: 0, tidakLayak: 0 },
        notes: 'Data contoh.',
      },
    };
  },
  sembako_period_verification: (c) =>
    c.decide('sembako_period_verification') === 'return'
      ? { outcome: 'return', data: { reason: 'Lampirkan foto harga di titik penyaluran.' } }
      : { outcome: 'approve', data: {} },
  pengaduan_forward: (c) =>
    c.decide('pengaduan_forward') === 'resolve_directly'
      ? {
          outcome: 'resolve_directly',
          data: {
            resolvedOn: c.today,
            resolution: 'PIN KKS direset bersama petugas bank di balai desa.',
            evidence: [{ kind: 'foto', reference: 'contoh-foto-reset-pin.jpg' }],
          },
        }
      : { outcome: 'forward', data: { answerer: { type: 'bank', name: 'BRI Unit Salatiga' }, note: 'Data contoh: diteruskan lewat telepon.' } },
  pengaduan_acknowledgement: (c) => ({ outcome: 'acknowledged', data: { acknowledgedOn: c.today, contactPerson: 'Petugas layanan' } }),
  pengaduan_resolution: (c) => ({
    outcome: 'resolved',
    data: {
      resolvedOn: c.today,
      resolution: 'Data contoh: penjawab memperbaiki masalah dan mengabari KPM.',
      evidence: [{ kind: 'berita_acara', reference: 'BA/CONTOH/001' }],
    },
  }),
  pengaduan_confirmation: (c) => ({ outcome: 'confirmed', data: { confirmedOn: c.today, note: 'Pengadu menerima penyelesaian.' } }),
  asesmen: () => ({
    data: {
      needs: ['Kebutuhan makan harian', 'Pemeriksaan kesehatan rutin'],
      riskLevel: 'sedang',
      planGoals: ['Terdaftar sebagai penerima bantuan pangan', 'Kontrol kesehatan bulanan'],
      visitCadenceDays: 14,
    },
  }),
  assessment_approval: () => ({ outcome: 'approve', data: {} }),
  pendampingan_visit: (c) =>
    c.decide('pendampingan_visit') === 'propose_closure'
      ? { outcome: 'propose_closure', data: { visitDate: c.today, observations: 'Data contoh: tujuan rencana tercapai.', closureReason: 'goals_met' } }
      : { outcome: 'continue', data: { visitDate: c.today, observations: 'Data contoh: kondisi stabil.' } },
};

// ---- the seeder ----

interface DemoState {
  complaints: Record<string, string>;
  cases: Record<string, string>;
}

export async function seedDemoData(opts: DemoOptions): Promise<DemoResult> {
  const now = opts.now ?? new Date();
  const today = jakartaDate(now);
  const api = new DemoApi(opts.apiUrl);
  const log = (line: string) => opts.log(`demo: ${line}`);
  const result: DemoResult = { created: { kpm: 0, periods: 0, complaints: 0, cases: 0, tasksCompleted: 0 }, refused: [] };
  const refuse = (what: string, r: { status: number; body: unknown }) => {
    const line = `${what} refused: ${r.status} ${summary(r.body)}`;
    result.refused.push(line);
    log(line);
  };
  const stateFile = path.join(opts.dataDir, 'demo-data.json');
  const state: DemoState = fs.existsSync(stateFile) ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as DemoState) : { complaints: {}, cases: {} };
  const save = () => fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });

  // 1. The register, through the import (the same file again changes nothing).
  const rows = { '33.73.01': demoKpmRows('33.73.01', KPM_COUNT['33.73.01']), '33.73.02': demoKpmRows('33.73.02', KPM_COUNT['33.73.02']) };
  for (const kecamatanCode of Object.keys(DEMO_KECAMATAN) as KecamatanCode[]) {
    const user = DEMO_KECAMATAN[kecamatanCode].tksk;
    const csv = [KPM_COLUMNS.join(','), ...rows[kecamatanCode].map((r) => KPM_COLUMNS.map((c) => r[c]).join(','))].join('\r\n');
    const r = await api.call(user, 'POST', '/api/sembako/kpm/imports', { kecamatanCode, csv });
    if (r.status === 200 || r.status === 201) {
      const created = Number(r.body?.created ?? r.body?.counts?.created ?? 0);
      result.created.kpm += created;
      if (created) log(`KPM register of ${kecamatanCode}: ${created} KPM imported`);
    } else refuse(`KPM import of ${kecamatanCode}`, r);
  }
  const kpmAt = (desaCode: string) => Object.values(rows).flatMap((list) => list.filter((k) => k.kode_desa === desaCode)).length;
  const kpmIdOf = async (kecamatanCode: KecamatanCode, index: number): Promise<string | undefined> => {
    const idKpm = rows[kecamatanCode][index].id_kpm;
    const r = await api.call(DEMO_KECAMATAN[kecamatanCode].tksk, 'GET', `/api/sembako/kpm?filter=${q({ idKpm })}`);
    return r.status === 200 ? (r.body?.[0]?.id as string | undefined) : undefined;
  };

  const openTasks = async (user: string, workflowId: string): Promise<Task[]> => {
    const r = await api.call(user, 'GET', `/api/tasks?filter=${q({ workflowId, status: 'open' })}&sort=${q(['createdAt', 'ASC'])}&range=${q([0, 99])}`);
    return r.status === 200 ? (r.body as Task[]) : [];
  };
  /** Completes one task with its type's entry of TASK_DATA; false when it could not. */
  const completeTask = async (task: Task, kecamatanCode: KecamatanCode, period: string | undefined, decide: TaskDataContext['decide']) => {
    const make = TASK_DATA[task.type];
    if (!make) {
      log(`no demo data for task type ${task.type} (task ${task.id}): left open`);
      return false;
    }
    const kecamatan = DEMO_KECAMATAN[kecamatanCode];
    const on = (day: number) => {
      const d = period ? `${period}-${String(day).padStart(2, '0')}` : today;
      return d < today ? d : today;
    };
    const role = TASK_TYPE_INFO[task.type as TaskType]?.role;
    const user = role === 'supervisor_kabupaten' ? 'supervisor1' : kecamatan.tksk;
    const r = await api.call(user, 'POST', `/api/tasks/${task.id}/complete`, make({ task, on, today, kecamatan, kpmAt, decide }));
    if (r.status !== 200) {
      refuse(`completing ${task.type} ${task.id} as ${user}`, r);
      return false;
    }
    result.created.tasksCompleted++;
    return true;
  };

  // 2. Periods: opened unless they exist, then driven on to their target.
  for (const plan of PERIOD_PLANS) {
    const period = demoMonth(now, plan.monthsBack);
    const periodId = `sembako-${plan.kecamatanCode}-${period}`;
    const tksk = DEMO_KECAMATAN[plan.kecamatanCode].tksk;
    const status = async (): Promise<string | undefined> => {
      const r = await api.call('supervisor1', 'GET', `/api/sembako/periods?filter=${q({ id: [periodId] })}`);
      return r.status === 200 ? (r.body?.[0]?.status as string | undefined) : undefined;
    };
    if (!(await status())) {
      const r = await api.call(tksk, 'POST', '/api/sembako/periods', { period, distributionPoints: POINTS[plan.kecamatanCode] });
      if (r.status === 201) {
        result.created.periods++;
        log(`period ${periodId} opened`);
      } else if (r.status !== 409) {
        refuse(`opening period ${periodId}`, r);
        continue;
      }
    }
    let returned = false;
    for (let step = 0; step < 30; step++) {
      const s = await status();
      const tasks = [...(await openTasks(tksk, periodId)), ...(await openTasks('supervisor1', periodId))].filter(
        (t, i, all) => all.findIndex((o) => o.id === t.id) === i,
      );
      returned ||= tasks.some((t) => t.type === 'sembako_period_report' && t.context?.returnNote);
      const reached =
        s === undefined ||
        s === 'verified' ||
        (plan.target === 'tikor' && s === 'tikor') ||
        (plan.target === 'verification' && s === 'verification') ||
        (plan.target === 'returned' && s === 'report' && returned) ||
        // Monitoring: one point still to visit, the others done.
        (plan.target === 'monitoring' && s === 'monitoring' && tasks.filter((t) => t.type === 'sembako_monitoring').length <= 1);
      if (reached) break;
      const next = tasks.find((t) => TASK_DATA[t.type]) ?? tasks[0];
      if (!next) {
        // The workflow may still be writing the next task.
        await new Promise((r) => setTimeout(r, 300));
        continue;
      }
      const decide = (type: string) => (type === 'sembako_period_verification' && plan.target === 'returned' && !returned ? 'return' : undefined);
      if (!(await completeTask(next, plan.kecamatanCode, period, decide))) break;
    }
  }

  // 3. Complaints: taken in unless remembered, then driven on to their target.
  for (const plan of COMPLAINT_PLANS) {
    let id = state.complaints[plan.key];
    if (id) {
      const r = await api.call('supervisor1', 'GET', `/api/complaints/${id}`);
      if (r.status !== 200) id = '';
    }
    if (!id) {
      const subject = plan.kpm ? { kind: 'kpm', kpmId: await kpmIdOf(plan.kpm.kecamatanCode, plan.kpm.index) } : plan.body.subject;
      const body = {
        ...plan.body,
        ...(plan.by.startsWith('supervisor') ? { kecamatanCode: plan.kecamatanCode } : {}),
        receivedOn: jakartaDate(new Date(now.getTime() - plan.daysAgo * DAY)),
        subject,
      };
      const r = await api.call(plan.by, 'POST', '/api/complaints', body, { 'idempotency-key': `demo-complaint-${plan.key}-${body.receivedOn}` });
      if (r.status !== 201) {
        refuse(`complaint ${plan.key}`, r);
        continue;
      }
      id = r.body.id as string;
      state.complaints[plan.key] = id;
      save();
      result.created.complaints++;
    }
    const workflowId = `pengaduan-${id}`;
    const tksk = DEMO_KECAMATAN[plan.kecamatanCode].tksk;
    for (let step = 0; step < 12; step++) {
      const r = await api.call('supervisor1', 'GET', `/api/complaints/${id}`);
      const s = r.body?.status as string | undefined;
      if (!s || s === plan.target || s === 'closed' || s === 'withdrawn') break;
      if (plan.target === 'withdrawn') {
        const w = await api.call(tksk, 'POST', `/api/complaints/${id}/actions/withdraw`, { reason: 'Data contoh: pengadu mencabut pengaduannya.' });
        if (w.status !== 200) refuse(`withdrawing complaint ${plan.key}`, w);
        break;
      }
      if (COMPLAINT_ORDER.indexOf(s) > COMPLAINT_ORDER.indexOf(plan.target)) break;
      const [task] = await openTasks(tksk, workflowId);
      if (!task) {
        await new Promise((res) => setTimeout(res, 300));
        continue;
      }
      const decide = (type: string) => (type === 'pengaduan_forward' && plan.direct ? 'resolve_directly' : undefined);
      if (!(await completeTask(task, plan.kecamatanCode, undefined, decide))) break;
    }
  }

  // 4. Casework: registered unless remembered, then driven on to their target.
  for (const plan of CASE_PLANS) {
    let id = state.cases[plan.key];
    if (id) {
      const r = await api.call('supervisor1', 'GET', `/api/cases/${id}`);
      if (r.status !== 200) id = '';
    }
    if (!id) {
      const r = await registerDemoCase(api, plan, `demo-case-${plan.key}`, 'Alamat contoh, RT 01/RW 01');
      if (r.status !== 201) {
        refuse(`case ${plan.key}`, r);
        continue;
      }
      id = r.body.id as string;
      state.cases[plan.key] = id;
      save();
      result.created.cases++;
    }
    for (let step = 0; step < 8; step++) {
      const r = await api.call('supervisor1', 'GET', `/api/cases/${id}`);
      const s = r.body?.status as string | undefined;
      if (!s || !CASE_ORDER.includes(s as CaseTarget) || CASE_ORDER.indexOf(s as CaseTarget) >= CASE_ORDER.indexOf(plan.target)) break;
      const [task] = [...(await openTasks(plan.by, `case-${id}`)), ...(await openTasks('supervisor1', `case-${id}`))];
      if (!task) {
        await new Promise((res) => setTimeout(res, 300));
        continue;
      }
      const decide = (type: string) => (type === 'pendampingan_visit' && plan.target === 'closure_review' ? 'propose_closure' : undefined);
      const kecamatanCode = plan.desaCode.split('.').slice(0, 3).join('.') as KecamatanCode;
      if (!(await completeTask(task, kecamatanCode, undefined, decide))) break;
    }
  }

  // 5. Assignments, a few dozen cases in every state, tali asih claims (infra/demoCasework.ts).
  await seedDemoCasework({ api, dataDir: opts.dataDir, log: opts.log, now }, result.refused);
  await seedDemoPsks({ api, log: opts.log, now }).catch((err: Error) => refuse('PSKS demo', { status: 0, body: err.message }));

  result.refused.push(...(await seedDemoKoordinasi(api, now, opts.log)).refused);
  const c = result.created;
  log(
    `done: ${c.kpm} KPM, ${c.periods} periods, ${c.complaints} complaints, ${c.cases} cases created, ${c.tasksCompleted} tasks completed` +
      (result.refused.length ? `, ${result.refused.length} steps refused (above)` : ''),
  );
  return result;
}
