// A task's submitted data (or what a previous step handed over) as labelled values: lists as
// bullets, enums translated, nested objects indented. Labels come from `kesos.field.*`.
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { enumPrefix, useFieldLabel } from '../tasks/SchemaForm';

const Value = ({ name, value }: { name: string; value: unknown }) => {
  const translate = useTranslate();
  if (value === null || value === undefined || value === '') return <span>—</span>;
  if (Array.isArray(value)) {
    return (
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {value.map((v, i) => (
          <li key={i}>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</li>
        ))}
      </Box>
    );
  }
  if (typeof value === 'object') return <DataView data={value as Record<string, unknown>} nested />;
  if (typeof value === 'string') return <span>{translate(`${enumPrefix(name)}.${value}`, { _: value })}</span>;
  return <span>{String(value)}</span>;
};

export const DataView = ({ data, nested, testId }: { data: Record<string, unknown>; nested?: boolean; testId?: string }) => {
  const label = useFieldLabel();
  const entries = Object.entries(data ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (!entries.length) return null;
  return (
    <Box
      component="dl"
      data-testid={testId}
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(160px, max-content) 1fr' },
        columnGap: 2,
        rowGap: 0.5,
        ...(nested ? { pl: 2, borderLeft: 2, borderColor: 'divider' } : {}),
      }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label(key)}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>
            <Value name={key} value={value} />
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
