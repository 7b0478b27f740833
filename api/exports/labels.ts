// The Indonesian words an export's cells use for codes: the same words the portal shows
// (admin/src/i18n/id.ts; tests/unit/exports.test.ts keeps the two equal). The API cannot import
// the portal's message files, and a spreadsheet is read by people, not by the code that wrote it.
import type { CaseClosedReason, CaseStatus } from '../../domain/case';
import type { Role } from '../../domain/roles';
import type { ClaimStatus, FundingSource } from '../../domain/taliAsih';
import type { Outcome, TaskStatus } from '../../domain/taskTypes';

export const CASE_STATUS_ID: Record<CaseStatus, string> = {
  assessment: 'Asesmen',
  assessment_review: 'Review asesmen',
  pendampingan: 'Pendampingan',
  closure_review: 'Review terminasi',
  aftercare: 'Bimbingan lanjut',
  closed: 'Ditutup',
  cancelled: 'Dibatalkan',
};

export const CLOSED_REASON_ID: Record<CaseClosedReason, string> = {
  goals_met: 'Tujuan tercapai',
  referred_out: 'Dirujuk keluar',
  moved_away: 'Pindah domisili',
  deceased: 'Meninggal dunia',
  refused_services: 'Menolak layanan',
  duplicate: 'Duplikat',
  other: 'Lainnya',
  rejected: 'Ditolak saat review asesmen',
};

export const TASK_STATUS_ID: Record<TaskStatus, string> = {
  open: 'Terbuka',
  completed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const CLAIM_STATUS_ID: Record<ClaimStatus, string> = {
  report: 'Laporan TKSK',
  verification: 'Verifikasi kabupaten',
  approval: 'Persetujuan provinsi',
  awaiting_budget: 'Menunggu anggaran',
  disbursing: 'Dalam pembayaran',
  payment_cancelled: 'Pembayaran dibatalkan',
  paid: 'Dibayar',
  rejected: 'Ditolak',
};

export const OUTCOME_ID: Record<Outcome | 'submit', string> = {
  approve: 'Setujui',
  return: 'Kembalikan',
  reject: 'Tolak',
  continue: 'Lanjutkan pendampingan',
  refer: 'Rujuk',
  propose_closure: 'Usulkan terminasi',
  served: 'Terlayani',
  not_served: 'Tidak terlayani',
  submit: 'Kirim',
  retry: 'Coba bayar lagi',
  cancel: 'Batalkan pembayaran',
  forward: 'Teruskan',
  resolve_directly: 'Selesaikan langsung',
  acknowledged: 'Sudah diterima',
  declined: 'Ditolak penjawab',
  resolved: 'Terselesaikan',
  unresolved: 'Tidak terselesaikan',
  confirmed: 'Dikonfirmasi pengadu',
  reopened: 'Dibuka kembali',
};

export const ROLE_ID: Record<Role, string> = {
  tksk: 'TKSK',
  supervisor_kabupaten: 'Supervisor Dinas Sosial Kabupaten/Kota',
  supervisor_provinsi: 'Supervisor Dinas Sosial Provinsi',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export const FUNDING_SOURCE_ID: Record<FundingSource, string> = { APBN: 'APBN', APBD: 'APBD' };

export const yesNo = (v: boolean): string => (v ? 'Ya' : 'Tidak');

/** The word for a code of a vocabulary; the code itself if the vocabulary has none (never an empty cell). */
export const wordOf = <K extends string>(words: Record<K, string>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (words[code as K] ?? code);
