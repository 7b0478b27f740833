import { useFieldValue, type FieldProps } from 'react-admin';
import { maskNik } from '../../../domain/nik';

/** The beneficiary's NIK; masked unless `full` (the API itself masks it for roles that may not see it). */
export const NikField = ({ full, ...props }: FieldProps & { full?: boolean }) => {
  const nik = useFieldValue(props);
  if (!nik) return null;
  return <span style={{ fontFamily: 'monospace' }}>{full ? String(nik) : maskNik(String(nik))}</span>;
};
