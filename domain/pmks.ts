// The 26 PMKS/PPKS categories (Permensos 8/2012 numbering, called PPKS since Permensos 5/2019).
// Copied from the domain reference (version 2012-26); the short codes are kesos-flow's own stable codes.
// `specificData` marks categories whose records are specific personal data under UU PDP 27/2022.
import { z } from 'zod';

export const PMKS_VERSION = '2012-26';

export type SpecificDataKind = 'child' | 'health' | 'disability' | 'criminal';

export interface PmksCategory {
  no: number;
  code: string;
  nameId: string;
  nameEn: string;
  specificData: SpecificDataKind[];
}

export const PMKS_CATEGORIES = [
  { no: 1, code: 'ABT', nameId: 'Anak Balita Telantar', nameEn: 'Neglected child under five', specificData: ['child'] },
  { no: 2, code: 'AT', nameId: 'Anak Telantar', nameEn: 'Neglected child', specificData: ['child'] },
  { no: 3, code: 'ABH', nameId: 'Anak yang Berhadapan dengan Hukum', nameEn: 'Child in conflict or contact with the law', specificData: ['child', 'criminal'] },
  { no: 4, code: 'AJ', nameId: 'Anak Jalanan', nameEn: 'Street child', specificData: ['child'] },
  { no: 5, code: 'ADK', nameId: 'Anak dengan Kedisabilitasan', nameEn: 'Child with disability', specificData: ['child', 'disability'] },
  {
    no: 6,
    code: 'AKTK',
    nameId: 'Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah',
    nameEn: 'Child victim of violence or abuse',
    specificData: ['child'],
  },
  { no: 7, code: 'AMPK', nameId: 'Anak yang Memerlukan Perlindungan Khusus', nameEn: 'Child needing special protection', specificData: ['child'] },
  { no: 8, code: 'LUT', nameId: 'Lanjut Usia Telantar', nameEn: 'Neglected older person', specificData: [] },
  { no: 9, code: 'PD', nameId: 'Penyandang Disabilitas', nameEn: 'Person with disability', specificData: ['disability'] },
  { no: 10, code: 'TS', nameId: 'Tuna Susila', nameEn: 'Sex worker', specificData: [] },
  { no: 11, code: 'GLD', nameId: 'Gelandangan', nameEn: 'Homeless person', specificData: [] },
  { no: 12, code: 'PGM', nameId: 'Pengemis', nameEn: 'Beggar', specificData: [] },
  { no: 13, code: 'PML', nameId: 'Pemulung', nameEn: 'Scavenger', specificData: [] },
  { no: 14, code: 'KMN', nameId: 'Kelompok Minoritas', nameEn: 'Minority group', specificData: [] },
  { no: 15, code: 'BWBLP', nameId: 'Bekas Warga Binaan Lembaga Pemasyarakatan', nameEn: 'Former prison inmate', specificData: ['criminal'] },
  { no: 16, code: 'ODHA', nameId: 'Orang dengan HIV/AIDS', nameEn: 'Person living with HIV/AIDS', specificData: ['health'] },
  { no: 17, code: 'KPN', nameId: 'Korban Penyalahgunaan NAPZA', nameEn: 'Victim of drug abuse', specificData: ['health'] },
  { no: 18, code: 'KTR', nameId: 'Korban Trafficking', nameEn: 'Trafficking victim', specificData: [] },
  { no: 19, code: 'KTK', nameId: 'Korban Tindak Kekerasan', nameEn: 'Victim of violence', specificData: [] },
  { no: 20, code: 'PMBS', nameId: 'Pekerja Migran Bermasalah Sosial', nameEn: 'Migrant worker with social problems', specificData: [] },
  { no: 21, code: 'KBA', nameId: 'Korban Bencana Alam', nameEn: 'Natural-disaster victim', specificData: [] },
  { no: 22, code: 'KBS', nameId: 'Korban Bencana Sosial', nameEn: 'Social-disaster (conflict) victim', specificData: [] },
  { no: 23, code: 'PRSE', nameId: 'Perempuan Rawan Sosial Ekonomi', nameEn: 'Socio-economically vulnerable woman', specificData: [] },
  { no: 24, code: 'FM', nameId: 'Fakir Miskin', nameEn: 'Destitute poor person', specificData: [] },
  { no: 25, code: 'KBSP', nameId: 'Keluarga Bermasalah Sosial Psikologis', nameEn: 'Family with psychosocial problems', specificData: [] },
  { no: 26, code: 'KAT', nameId: 'Komunitas Adat Terpencil', nameEn: 'Remote indigenous community', specificData: [] },
] as const satisfies readonly PmksCategory[];

export type PmksCode = (typeof PMKS_CATEGORIES)[number]['code'];

export const PMKS_CODES = PMKS_CATEGORIES.map((c) => c.code) as [PmksCode, ...PmksCode[]];

export const pmksCodeSchema = z.enum(PMKS_CODES).describe('PMKS/PPKS category code (one of the 26)');

export function pmksCategory(code: string): PmksCategory | undefined {
  return PMKS_CATEGORIES.find((c) => c.code === code);
}

/** Categories about children: consent must come from a parent or guardian (UU PDP Pasal 25) or a lawful basis. */
export function isChildCategory(code: string): boolean {
  return pmksCategory(code)?.specificData.includes('child') ?? false;
}
