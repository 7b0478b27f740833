import { maskNik, nikMatches, nikProblem, nikSchema, parseNikParts } from '../../domain/nik';

describe('NIK', () => {
  test('a woman born 17 Aug 1962 registered in Sidorejo, Salatiga', () => {
    const nik = '3373015708620001';
    expect(nikProblem(nik)).toBeUndefined();
    expect(parseNikParts(nik)).toMatchObject({ provinsi: '33', kabupaten: '73', kecamatan: '01', day: 17, month: 8, yy: 62, sex: 'P', serial: '0001' });
    expect(nikMatches(nik, '1962-08-17', 'P')).toEqual({ birthDate: true, sex: true });
    expect(nikMatches(nik, '1962-08-17', 'L')).toEqual({ birthDate: true, sex: false });
    expect(nikMatches(nik, '1963-08-17', 'P').birthDate).toBe(false);
  });

  test.each([
    ['337301570862001', /16 digits/],
    ['33730157086200012', /16 digits/],
    ['3373a15708620001', /16 digits/],
    ['9973015708620001', /provinsi/],
    ['3370015708620001', /kabupaten/],
    ['3300015708620001', /kabupaten/],
    ['3373005708620001', /kecamatan/],
    ['3373013208620001', /date/], // day 32
    ['3373017213620001', /date/], // women day 72 = 32
    ['3373011713620001', /date/], // month 13
    ['3373013002620001', /date/], // 30 Feb
    ['3373015708620000', /serial/],
  ])('%s is refused (%s)', (nik, why) => {
    expect(nikProblem(nik)).toMatch(why);
    expect(nikSchema.safeParse(nik).success).toBe(false);
  });

  test('29 Feb is valid when either century makes it a leap year', () => {
    expect(nikProblem('3373012902000001')).toBeUndefined(); // 2000
    expect(nikProblem('3373012902040001')).toBeUndefined(); // 2004
    expect(nikProblem('3373012902010001')).toMatch(/date/); // neither 1901 nor 2001
  });

  test('masking keeps region prefix and serial only', () => {
    expect(maskNik('3373015708620001')).toBe('3373********0001');
  });
});
