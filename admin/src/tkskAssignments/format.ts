import { DATE_LOCALE, DATE_OPTIONS } from '../format';

/** A YYYY-MM-DD day the Indonesian way ("31 Des 2026"), or "—". */
export const formatDay = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00`).toLocaleDateString(DATE_LOCALE, DATE_OPTIONS) : '—');
