// The case's human-readable timeline (GET /api/cases/:id/timeline?lang=), in the UI language.
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import { formatDateTime } from '../format';
import type { CaseRecord } from '../types';

const DOT: Record<string, string> = {
  system: 'grey.400',
  tksk: 'info.main',
  supervisor_kabupaten: 'warning.main',
  supervisor_provinsi: 'warning.dark',
  auditor: 'secondary.main',
};

export const CaseTimeline = (_props: { label?: string | false }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['cases', 'timeline', record?.id, locale],
    queryFn: () => dataProvider.caseTimeline(record!.id, locale).then((r) => r.data),
    enabled: !!record?.id,
  });
  if (!record) return null;
  if (isPending) return <CircularProgress size={24} sx={{ m: 2 }} />;
  if (error) return <Alert severity="error">{translate('kesos.timeline.error', { message: (error as Error).message })}</Alert>;
  if (!data?.length) return <Alert severity="info">{translate('kesos.timeline.empty')}</Alert>;
  return (
    <Box component="ol" data-testid="timeline" sx={{ listStyle: 'none', m: 0, p: 0, position: 'relative' }}>
      {data.map((entry, i) => (
        <Box component="li" key={entry.id} sx={{ display: 'flex', gap: 1.5, pb: 1.5, position: 'relative' }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
            <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DOT[entry.actorRole ?? 'system'] ?? 'primary.main', flexShrink: 0 }} />
            {i < data.length - 1 && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
          </Box>
          <Box>
            <Typography variant="body2">{entry.text}</Typography>
            <Typography variant="caption" color="text.secondary">
              {formatDateTime(entry.at)}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
};
