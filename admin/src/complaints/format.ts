// How a complaint is named and aged on screen.

/** A short number people can read out on the phone: `PGD-` and the id's first 8 characters. */
export const complaintNumber = (id: string): string => `PGD-${id.slice(0, 8).toUpperCase()}`;

/** Whole days from the day it was received (YYYY-MM-DD) to today in WIB. */
export function ageInDays(receivedOn: string, now = Date.now()): number {
  const today = new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${receivedOn}T00:00:00Z`)) / 86_400_000));
}

/** Complaints still running (notes and withdrawal allowed). */
export const isOpenComplaint = (status: string): boolean => status !== 'closed' && status !== 'withdrawn';
