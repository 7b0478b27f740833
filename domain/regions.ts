// Kemendagri region codes `PP.KK.CC.DDDD` (Permendagri 137/2017): provinsi, kabupaten/kota,
// kecamatan, desa/kelurahan. Access scopes are region codes too: a scope covers itself and
// every code below it.
import { z } from 'zod';

export const REGION_LEVELS = ['provinsi', 'kabupaten', 'kecamatan', 'desa'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The 38 provinsi codes (Kepmendagri 2025 list, including the 2022 Papua splits 93–96). */
export const PROVINSI_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
] as const;

const PATTERNS: Record<RegionLevel, RegExp> = {
  provinsi: /^\d{2}$/,
  kabupaten: /^\d{2}\.\d{2}$/,
  kecamatan: /^\d{2}\.\d{2}\.\d{2}$/,
  desa: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/,
};

export function regionLevel(code: string): RegionLevel | undefined {
  return REGION_LEVELS.find((level) => PATTERNS[level].test(code));
}

const codeOf = (level: RegionLevel, label: string) => z.string().regex(PATTERNS[level], `must be a ${label} code like ${EXAMPLES[level]}`);

const EXAMPLES: Record<RegionLevel, string> = {
  provinsi: '33',
  kabupaten: '33.73',
  kecamatan: '33.73.01',
  desa: '33.73.01.1001',
};

export const provinsiCodeSchema = codeOf('provinsi', 'provinsi');
export const kabupatenCodeSchema = codeOf('kabupaten', 'kabupaten/kota');
export const kecamatanCodeSchema = codeOf('kecamatan', 'kecamatan');
export const desaCodeSchema = codeOf('desa', 'desa/kelurahan');
export const regionCodeSchema = z
  .string()
  .refine((c) => regionLevel(c) !== undefined, 'must be a Kemendagri region code (PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD)');

/** The codes of every level above and including `code`: `33.73.01.1001` → provinsi 33, kabupaten 33.73, … */
export function regionChain(code: string): Partial<Record<RegionLevel, string>> {
  const parts = code.split('.');
  const chain: Partial<Record<RegionLevel, string>> = {};
  REGION_LEVELS.forEach((level, i) => {
    if (parts.length > i) chain[level] = parts.slice(0, i + 1).join('.');
  });
  return chain;
}

/** Does an access scope cover a region? `null` is the national scope. */
export function regionCovers(scope: string | null, code: string): boolean {
  if (scope === null) return true;
  return code === scope || code.startsWith(`${scope}.`);
}

/** Indonesia's three time zones (UU/Keppres 41/1987) and their offsets from UTC in hours. */
export const TIME_ZONES = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type TimeZoneName = keyof typeof TIME_ZONES;

/**
 * The provinsi of each time zone: WIB for Sumatra, Java and West/Central Kalimantan; WITA for
 * Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi; WIT for Maluku and Papua.
 */
export const TIME_ZONE_PROVINSI: Record<TimeZoneName, readonly (typeof PROVINSI_CODES)[number][]> = {
  WIB: ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'],
  WITA: ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'],
  WIT: ['81', '82', '91', '92', '93', '94', '95', '96'],
};

/** The time zone a region's clocks show (its provinsi's); WIB, the capital's, for an unknown code. */
export function timeZoneOf(regionCode: string | null | undefined): TimeZoneName {
  const provinsi = (regionCode ?? '').slice(0, 2) as (typeof PROVINSI_CODES)[number];
  return (Object.keys(TIME_ZONE_PROVINSI) as TimeZoneName[]).find((zone) => TIME_ZONE_PROVINSI[zone].includes(provinsi)) ?? 'WIB';
}

/** A moment as the region's wall clock, `YYYY-MM-DD HH:mm WIB` (spreadsheets sort it as text correctly). */
export function localTime(at: Date | string | null | undefined, regionCode: string | null | undefined): string {
  if (at === null || at === undefined) return '';
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return '';
  const zone = timeZoneOf(regionCode);
  const wall = new Date(d.getTime() + TIME_ZONES[zone] * 3_600_000).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)} ${zone}`;
}
