import { useFieldValue, type FieldProps } from 'react-admin';

/** 3373015708620001 → 3373********0001 (already-masked values stay as they are). */
export const maskNik = (nik: string): string => (nik.length === 16 ? `${nik.slice(0, 4)}${'*'.repeat(8)}${nik.slice(12)}` : nik);

/** The beneficiary's NIK; masked unless `full` (the API itself masks it for roles that may not see it). */
export const NikField = ({ full, ...props }: FieldProps & { full?: boolean }) => {
  const nik = useFieldValue(props);
  if (!nik) return null;
  return <span style={{ fontFamily: 'monospace' }}>{full ? String(nik) : maskNik(String(nik))}</span>;
};
