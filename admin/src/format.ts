// Dates are shown the Indonesian way, whatever the UI language.

export const DATE_LOCALE = 'id-ID';
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** An ISO instant as date and time, or "—" when there is none. */
export const formatDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(DATE_LOCALE, DATE_TIME_OPTIONS) : '—');
