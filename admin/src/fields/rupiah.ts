// Amounts typed the Indonesian way: "." groups thousands and "," starts the decimals, so
// "2.500.000" is two and a half million rupiah (Number("2.500.000") would be NaN, and a number
// input takes "2.500" as 2.5). Whole rupiah only: ",00" is accepted, any other decimals are not.

/** A typed amount as whole rupiah; the text itself (which validators refuse) when it is not one; null when empty. */
export function parseRupiah(text: string): number | string | null {
  const t = text.replace(/^\s*Rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  if (t === '') return null;
  const whole = t.replace(/,0{1,2}$/, '');
  if (/^\d+$/.test(whole) || /^\d{1,3}(\.\d{3})+$/.test(whole)) {
    const n = Number(whole.replace(/\./g, ''));
    return Number.isSafeInteger(n) ? n : text;
  }
  return text;
}

const GROUPED = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** Whole rupiah grouped the Indonesian way without the currency sign: 2500000 → "2.500.000". */
export const groupRupiah = (n: number): string => GROUPED.format(n);
