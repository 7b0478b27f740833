import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** An object shown as indented JSON (task context, submitted data). */
export const JsonField = (props: FieldProps) => {
  const value = useFieldValue(props);
  if (value == null || (typeof value === 'object' && Object.keys(value).length === 0)) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 1, borderRadius: 1, bgcolor: 'action.hover', fontSize: '0.8rem', overflowX: 'auto', maxWidth: '100%' }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
};
