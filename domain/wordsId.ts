// The Indonesian words for the codes of the closed vocabularies people read most: the portal's
// message file (admin/src/i18n/id.ts) uses these tables as they are, and the API's spreadsheet
// exports write them into cells, so a status reads the same on screen and in a spreadsheet.
import type { CaseClosedReason, CaseStatus } from './case';
import type { Role } from './roles';
import type { ClaimStatus } from './taliAsih';
import type { Outcome, TaskStatus } from './taskTypes';

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
