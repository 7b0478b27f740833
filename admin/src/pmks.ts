// The 26 PMKS/PPKS categories (Permensos 8/2012 numbering) shown in the portal: code, Indonesian
// name (the official term) and an English gloss. Mirrors domain/pmks.ts; the API validates codes.

export interface PmksCategory {
  code: string;
  /** Official Indonesian name. */
  name: string;
  nameEn: string;
  /** Categories about children: consent must come from a guardian or a lawful basis. */
  child: boolean;
}

export const PMKS_CATEGORIES: readonly PmksCategory[] = [
  { code: 'ABT', name: 'Anak Balita Telantar', nameEn: 'Neglected child under five', child: true },
  { code: 'AT', name: 'Anak Telantar', nameEn: 'Neglected child', child: true },
  { code: 'ABH', name: 'Anak yang Berhadapan dengan Hukum', nameEn: 'Child in conflict or contact with the law', child: true },
  { code: 'AJ', name: 'Anak Jalanan', nameEn: 'Street child', child: true },
  { code: 'ADK', name: 'Anak dengan Kedisabilitasan', nameEn: 'Child with disability', child: true },
  { code: 'AKTK', name: 'Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah', nameEn: 'Child victim of violence or abuse', child: true },
  { code: 'AMPK', name: 'Anak yang Memerlukan Perlindungan Khusus', nameEn: 'Child needing special protection', child: true },
  { code: 'LUT', name: 'Lanjut Usia Telantar', nameEn: 'Neglected older person', child: false },
  { code: 'PD', name: 'Penyandang Disabilitas', nameEn: 'Person with disability', child: false },
  { code: 'TS', name: 'Tuna Susila', nameEn: 'Sex worker', child: false },
  { code: 'GLD', name: 'Gelandangan', nameEn: 'Homeless person', child: false },
  { code: 'PGM', name: 'Pengemis', nameEn: 'Beggar', child: false },
  { code: 'PML', name: 'Pemulung', nameEn: 'Scavenger', child: false },
  { code: 'KMN', name: 'Kelompok Minoritas', nameEn: 'Minority group', child: false },
  { code: 'BWBLP', name: 'Bekas Warga Binaan Lembaga Pemasyarakatan', nameEn: 'Former prison inmate', child: false },
  { code: 'ODHA', name: 'Orang dengan HIV/AIDS', nameEn: 'Person living with HIV/AIDS', child: false },
  { code: 'KPN', name: 'Korban Penyalahgunaan NAPZA', nameEn: 'Victim of drug abuse', child: false },
  { code: 'KTR', name: 'Korban Trafficking', nameEn: 'Trafficking victim', child: false },
  { code: 'KTK', name: 'Korban Tindak Kekerasan', nameEn: 'Victim of violence', child: false },
  { code: 'PMBS', name: 'Pekerja Migran Bermasalah Sosial', nameEn: 'Migrant worker with social problems', child: false },
  { code: 'KBA', name: 'Korban Bencana Alam', nameEn: 'Natural-disaster victim', child: false },
  { code: 'KBS', name: 'Korban Bencana Sosial', nameEn: 'Social-disaster (conflict) victim', child: false },
  { code: 'PRSE', name: 'Perempuan Rawan Sosial Ekonomi', nameEn: 'Socio-economically vulnerable woman', child: false },
  { code: 'FM', name: 'Fakir Miskin', nameEn: 'Destitute poor person', child: false },
  { code: 'KBSP', name: 'Keluarga Bermasalah Sosial Psikologis', nameEn: 'Family with psychosocial problems', child: false },
  { code: 'KAT', name: 'Komunitas Adat Terpencil', nameEn: 'Remote indigenous community', child: false },
];

export const PMKS_CODES = PMKS_CATEGORIES.map((c) => c.code);

export function pmksCategory(code: string | null | undefined): PmksCategory | undefined {
  return PMKS_CATEGORIES.find((c) => c.code === code);
}
