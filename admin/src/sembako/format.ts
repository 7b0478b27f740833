// Words for Sembako periods: `2026-11` → "November 2026" in the portal's language.
export const periodLabel = (period: string | null | undefined, locale: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(period ?? '');
  if (!m) return period ?? '—';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
};

/** A period's realisation (KPM served over listed) as "92,5 %"; the API may answer a fraction or a percentage; "—" when absent. */
export const realisationLabel = (value: number | null | undefined): string => {
  if (value == null || !Number.isFinite(value)) return '—';
  const percent = value <= 1 ? value * 100 : value;
  return `${percent.toLocaleString('id-ID', { maximumFractionDigits: 1 })} %`;
};
