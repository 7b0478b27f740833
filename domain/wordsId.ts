// The Indonesian words for the codes of the closed vocabularies people read most: the portal's
// message file (admin/src/i18n/id.ts) uses these tables as they are, and the API's spreadsheet
// exports write them into cells, so a status reads the same on screen and in a spreadsheet.
import type { CaseClosedReason, CaseStatus } from './case';
import type { Role } from './roles';
import type { CardProblemKind, ComplaintAnswerer, ComplaintCategory, ComplaintChannel, ComplaintStatus, KpmFixKind, KpmFixStatus, KpmStatus } from './sembako';
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
  renew: 'Perpanjang',
  renew_with_coaching: 'Perpanjang dengan pembinaan',
  not_renew: 'Tidak diperpanjang',
};

export const ROLE_ID: Record<Role, string> = {
  tksk: 'TKSK',
  supervisor_kabupaten: 'Supervisor Dinas Sosial Kabupaten/Kota',
  supervisor_provinsi: 'Supervisor Dinas Sosial Provinsi',
  auditor: 'Auditor',
  admin: 'Administrator',
};

/** The audit log's actions as people read them (an action without a word shows as its code). */
export const AUDIT_ACTION_ID: Record<string, string> = {
  'audit.read': 'Log audit dibaca',
  'audit.exported': 'Log audit diekspor',
  'case.registered': 'Kasus didaftarkan',
  'case.anonymised': 'Kasus dianonimkan',
  'case.cancelled': 'Kasus dibatalkan',
  'case.closed': 'Kasus ditutup',
  'case.closure_approved': 'Penutupan kasus disetujui',
  'case.deadline_extended': 'Tenggat diperpanjang',
  'case.note': 'Catatan ditambahkan',
  'case.paused': 'Kasus dijeda',
  'case.resumed': 'Kasus dilanjutkan',
  'case.reassigned': 'Kasus dialihkan',
  'case.reopened': 'Kasus dibuka kembali',
  'case.pendampingan_started': 'Pendampingan dimulai',
  'case.personal_data_read': 'Data pribadi kasus dibaca',
  'case.timeline_read': 'Linimasa kasus dibaca',
  'case.history_read': 'Riwayat workflow dibaca',
  'case.nik_lookup': 'Pencarian NIK',
  'intervention.requested': 'Intervensi diminta (menunggu supervisor kedua)',
  'intervention.confirmed': 'Intervensi dikonfirmasi',
  'intervention.declined': 'Intervensi ditolak',
  'policy.sla_set': 'Tenggat SLA diubah',
  'policy.case_set': 'Pengaturan kasus diubah',
  'privileged.requested': 'Permintaan menunggu admin kedua',
  'privileged.confirmed': 'Permintaan dikonfirmasi admin kedua',
  'privileged.declined': 'Permintaan ditolak admin kedua',
  'data_subject.exported': 'Data pribadi diekspor',
  'tali_asih.opened': 'Klaim tali asih dibuka',
  'tali_asih.reported': 'Laporan TKSK dikirim',
  'tali_asih.verified': 'Klaim diverifikasi',
  'tali_asih.approved': 'Klaim disetujui',
  'tali_asih.returned': 'Klaim dikembalikan',
  'tali_asih.awaiting_budget': 'Klaim menunggu anggaran',
  'tali_asih.budget_reserved': 'Anggaran dicadangkan',
  'tali_asih.budget_set': 'Anggaran ditetapkan',
  'tali_asih.paid': 'Tali asih dibayar',
  'tali_asih.payment_cancelled': 'Pembayaran dibatalkan',
  'tali_asih.completed': 'Klaim selesai',
  'task.created': 'Tugas dibuat',
  'task.completed': 'Tugas diselesaikan',
  'task.cancelled': 'Tugas dibatalkan',
  'task.overdue': 'Tugas terlambat',
  'task.data_read': 'Data tugas dibaca',
  'temporal.payloads_decoded': 'Payload Temporal didekode',
  'user.created': 'Akun dibuat',
  'user.updated': 'Akun diubah',
  'user.password_changed': 'Kata sandi diganti',
  'user.password_reset': 'Kata sandi diatur ulang',
};

/** Where a Sembako complaint (pengaduan) stands. */
export const COMPLAINT_STATUS_ID: Record<ComplaintStatus, string> = {
  forwarding: 'Perlu diteruskan',
  awaiting_acknowledgement: 'Menunggu tanggapan penjawab',
  awaiting_resolution: 'Menunggu penyelesaian',
  awaiting_confirmation: 'Menunggu konfirmasi pengadu',
  closed: 'Selesai',
  withdrawn: 'Dicabut pelapor',
};

/** The 6T of the 2018 complaint guideline and the field's own kinds. */
export const COMPLAINT_CATEGORY_ID: Record<ComplaintCategory, string> = {
  tepat_sasaran: 'Tepat sasaran',
  tepat_jumlah: 'Tepat jumlah',
  tepat_harga: 'Tepat harga',
  tepat_waktu: 'Tepat waktu',
  tepat_kualitas: 'Tepat kualitas',
  tepat_administrasi: 'Tepat administrasi',
  kartu: 'Masalah kartu (KKS)',
  data: 'Masalah data KPM',
  perilaku_agen: 'Perilaku agen / e-warong',
};

/** A Sembako distribution period's status (sembako_periods.status). */
export const SEMBAKO_PERIOD_STATUS_ID: Record<'tikor' | 'monitoring' | 'report' | 'verification' | 'verified', string> = {
  tikor: 'Rapat Tikor',
  monitoring: 'Monitoring',
  report: 'Laporan',
  verification: 'Verifikasi',
  verified: 'Terverifikasi',
};

export const CARD_PROBLEM_KIND_ID: Record<CardProblemKind, string> = {
  kks_rusak: 'KKS rusak',
  kks_ganda: 'KKS ganda',
  saldo_kosong: 'Saldo kosong',
  pin_terblokir: 'PIN terblokir',
  lainnya: 'Lainnya',
};

export const COMPLAINT_CHANNEL_ID: Record<ComplaintChannel, string> = {
  tatap_muka: 'Tatap muka',
  telepon: 'Telepon',
  sms_1708: 'SMS 1708',
  lapor_go_id: 'lapor.go.id',
  bank: 'Bank penyalur',
  dinas_sosial: 'Dinas Sosial',
};

export const COMPLAINT_ANSWERER_ID: Record<ComplaintAnswerer, string> = {
  bank: 'Bank penyalur',
  e_warong: 'E-warong / agen',
  desa: 'Pemerintah desa',
  dinas_sosial: 'Dinas Sosial',
};

/** KPM data fixes (docs/sembako.md §1, "Data fixes"): their kinds and where they stand, and the register's status, as the portal and the SIKS-NG export word them. */
export const KPM_FIX_KIND_ID: Record<KpmFixKind, string> = {
  meninggal: 'Pengurus meninggal dunia',
  pindah: 'Pindah domisili',
  tidak_layak: 'Tidak layak',
  nik_tidak_sesuai: 'NIK tidak sesuai Dukcapil',
  ganda: 'Terdaftar ganda',
};
export const KPM_FIX_STATUS_ID: Record<KpmFixStatus, string> = { diajukan: 'Diajukan', diterima: 'Diterima', ditolak: 'Ditolak' };
export const KPM_STATUS_ID: Record<KpmStatus, string> = { aktif: 'Aktif', nonaktif: 'Nonaktif' };
