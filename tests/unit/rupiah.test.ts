// Amounts typed the Indonesian way in the portal (admin/src/fields/rupiah.ts).
import { groupRupiah, parseRupiah } from '../../admin/src/fields/rupiah';

test.each([
  ['2.500.000', 2_500_000],
  ['2500000', 2_500_000],
  ['Rp 2.500.000', 2_500_000],
  ['Rp2.500.000,00', 2_500_000],
  [' 1.000 ', 1_000],
  ['700', 700],
  ['0', 0],
])('%s is %d rupiah', (text, amount) => {
  expect(parseRupiah(text)).toBe(amount);
});

test.each(['2.5', '2,5', '2.500.00', '1.0000', '-5', 'dua juta', '2.500.000,50'])(
  '%s is not whole rupiah: the text stays for the validator to refuse',
  (text) => {
    expect(parseRupiah(text)).toBe(text);
  },
);

test('empty is no amount', () => {
  expect(parseRupiah('   ')).toBeNull();
});

test('grouped for display', () => {
  expect(groupRupiah(2_500_000)).toBe('2.500.000');
  expect(parseRupiah(groupRupiah(1_234_567_890))).toBe(1_234_567_890);
});
