// The data-fix proposal's pure rules (docs/sembako.md §1, "Data fixes"): one shape per kind, the
// corrected NIK checked by the NIK rules, and where a move lands.
import { correctedNikProblem, kpmFixProposalSchema, kpmFixWorkflowIdOf, moveStaysInKabupaten } from '../../domain/sembako';

const NIK = '3373014505900001';
const OTHER_NIK = '3373011203850002';
const UUID = '0b6c2f4e-8a1d-4c3b-9e2f-1a2b3c4d5e6f';

describe('kpmFixProposalSchema', () => {
  test('each kind takes its own fields and a reason', () => {
    expect(kpmFixProposalSchema.safeParse({ kind: 'meninggal', reason: 'akta kematian dari desa' }).success).toBe(true);
    expect(kpmFixProposalSchema.safeParse({ kind: 'pindah', reason: 'pindah ke desa lain', targetDesaCode: '33.73.02.1001' }).success).toBe(true);
    expect(kpmFixProposalSchema.safeParse({ kind: 'pindah', reason: 'pindah ke luar kota' }).success).toBe(true);
    expect(kpmFixProposalSchema.safeParse({ kind: 'nik_tidak_sesuai', reason: 'cek Dukcapil', correctedNik: NIK }).success).toBe(true);
    expect(kpmFixProposalSchema.safeParse({ kind: 'ganda', reason: 'terdaftar dua kali', duplicateOf: UUID }).success).toBe(true);
  });

  test('fields of another kind, a bad NIK, a missing duplicate or a short reason are refused with their path', () => {
    const extra = kpmFixProposalSchema.safeParse({ kind: 'meninggal', reason: 'akta kematian', correctedNik: NIK });
    expect(extra.success).toBe(false);
    const badNik = kpmFixProposalSchema.safeParse({ kind: 'nik_tidak_sesuai', reason: 'cek Dukcapil', correctedNik: '3373010000000000' });
    expect(badNik.success).toBe(false);
    expect(badNik.error?.issues[0]?.path).toEqual(['correctedNik']);
    const noDuplicate = kpmFixProposalSchema.safeParse({ kind: 'ganda', reason: 'terdaftar dua kali' });
    expect(noDuplicate.error?.issues[0]?.path).toEqual(['duplicateOf']);
    const shortReason = kpmFixProposalSchema.safeParse({ kind: 'tidak_layak', reason: ' ok ' });
    expect(shortReason.error?.issues[0]?.path).toEqual(['reason']);
    expect(kpmFixProposalSchema.safeParse({ kind: 'hilang', reason: 'tidak diketahui' }).success).toBe(false);
  });
});

describe('correctedNikProblem and moveStaysInKabupaten', () => {
  test('a corrected NIK must be a valid NIK other than the current one', () => {
    expect(correctedNikProblem(NIK, OTHER_NIK)).toBeUndefined();
    expect(correctedNikProblem(NIK, NIK)).toMatch(/already/);
    expect(correctedNikProblem('12345', OTHER_NIK)).toMatch(/16 digits/);
  });

  test('a move with a destination desa of the same kabupaten stays; none or another kabupaten leaves', () => {
    expect(moveStaysInKabupaten('33.73', '33.73.02.1001')).toBe(true);
    expect(moveStaysInKabupaten('33.73', '33.74.01.1001')).toBe(false);
    expect(moveStaysInKabupaten('33.73', undefined)).toBe(false);
  });

  test('the review workflow is named by the fix id, never by a NIK', () => {
    expect(kpmFixWorkflowIdOf(UUID)).toBe(`kpm-fix-${UUID}`);
  });
});
