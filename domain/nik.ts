// NIK (Nomor Induk Kependudukan): 16 digits = 6 region digits (provinsi, kabupaten, kecamatan of
// registration) + DDMMYY birth date (women: day + 40) + 4-digit serial. It reveals birth date and
// sex, so it is masked in lists and never logged.
import { z } from 'zod';
import { PROVINSI_CODES } from './regions';

export interface NikParts {
  provinsi: string;
  kabupaten: string;
  kecamatan: string;
  day: number;
  month: number;
  /** Two-digit year: the century is not encoded. */
  yy: number;
  sex: 'L' | 'P';
  serial: string;
}

export function parseNikParts(nik: string): NikParts {
  const day = Number(nik.slice(6, 8));
  return {
    provinsi: nik.slice(0, 2),
    kabupaten: nik.slice(2, 4),
    kecamatan: nik.slice(4, 6),
    day: day > 40 ? day - 40 : day,
    month: Number(nik.slice(8, 10)),
    yy: Number(nik.slice(10, 12)),
    sex: day > 40 ? 'P' : 'L',
    serial: nik.slice(12, 16),
  };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Why a 16-digit string is not a plausible NIK, or undefined when it is. */
export function nikProblem(nik: string): string | undefined {
  if (!/^\d{16}$/.test(nik)) return 'NIK must be exactly 16 digits';
  const p = parseNikParts(nik);
  if (!(PROVINSI_CODES as readonly string[]).includes(p.provinsi)) return `NIK region prefix: ${p.provinsi} is not a provinsi code`;
  const kab = Number(p.kabupaten);
  if (!((kab >= 1 && kab <= 69) || (kab >= 71 && kab <= 99))) return `NIK region prefix: ${p.kabupaten} is not a kabupaten (01-69) or kota (71-99) code`;
  if (p.kecamatan === '00') return 'NIK region prefix: kecamatan code 00 is not valid';
  // Either century may apply (a Feb 29 is valid if some century makes it a leap year).
  if (!isCalendarDate(1900 + p.yy, p.month, p.day) && !isCalendarDate(2000 + p.yy, p.month, p.day))
    return 'NIK birth-date digits (DDMMYY, women DD+40) are not a valid date';
  if (p.serial === '0000') return 'NIK serial 0000 is not valid';
  return undefined;
}

export const nikSchema = z
  .string()
  .superRefine((nik, ctx) => {
    const problem = nikProblem(nik);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('NIK, 16 digits: region prefix (6) + birth date DDMMYY (women day+40) + serial (4)');

/** Does the NIK encode this birth date (YYYY-MM-DD) and sex? */
export function nikMatches(nik: string, birthDate: string, sex: 'L' | 'P'): { birthDate: boolean; sex: boolean } {
  const p = parseNikParts(nik);
  const [y, m, d] = birthDate.split('-').map(Number);
  return { birthDate: p.day === d && p.month === m && p.yy === y % 100, sex: p.sex === sex };
}

/** `3373********0001`: the region prefix and serial stay, the birth date goes. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}
