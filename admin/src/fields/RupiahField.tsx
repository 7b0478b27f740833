// Whole rupiah the Indonesian way ("Rp 1.500.000"), whatever the UI language. The API sends
// amounts as JSON numbers (bigint columns, far below 2^53) and the claims' filtered total as a
// decimal string header; both format exactly.
import { Typography, type TypographyProps } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

const RUPIAH = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });

export const formatRupiah = (amount: number | string): string => RUPIAH.format(typeof amount === 'string' ? BigInt(amount) : amount);

export const RupiahField = ({ variant = 'body2', ...props }: FieldProps & { variant?: TypographyProps['variant'] }) => {
  const value = useFieldValue(props);
  if (value == null || value === '') return null;
  return (
    <Typography component="span" variant={variant} sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatRupiah(value as number | string)}
    </Typography>
  );
};
