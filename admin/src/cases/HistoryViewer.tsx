// The raw Temporal history of a case's workflow (GET /api/cases/:id/history), for supervisors and
// auditors: one collapsible row per event, its JSON on demand. Payloads stay encrypted.
import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Collapse, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import ExpandIcon from '@mui/icons-material/ExpandMore';
import CollapseIcon from '@mui/icons-material/ExpandLess';
import HistoryIcon from '@mui/icons-material/ManageHistory';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import { formatDateTime } from '../format';
import type { CaseRecord } from '../types';

type HistoryEvent = Record<string, unknown> & { eventId?: string; eventType?: string; eventTime?: string };

/** EVENT_TYPE_WORKFLOW_EXECUTION_STARTED → WorkflowExecutionStarted */
const eventName = (type: unknown) =>
  String(type ?? '')
    .replace(/^EVENT_TYPE_/, '')
    .toLowerCase()
    .replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

const EventRow = ({ event }: { event: HistoryEvent }) => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <ListItemButton onClick={() => setOpen(!open)} dense data-testid="history-event">
        <ListItemText
          primary={`${event.eventId ?? ''}. ${eventName(event.eventType)}`}
          secondary={event.eventTime ? formatDateTime(String(event.eventTime)) : undefined}
        />
        {open ? <CollapseIcon /> : <ExpandIcon />}
      </ListItemButton>
      <Collapse in={open} unmountOnExit>
        <Box component="pre" sx={{ m: 0, mx: 2, mb: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: '0.75rem', overflowX: 'auto' }}>
          {JSON.stringify(event, null, 2)}
        </Box>
      </Collapse>
    </>
  );
};

export const HistoryViewer = (_props: { label?: string | false }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [load, setLoad] = useState(false);
  const { data, isFetching, error, refetch } = useQuery({
    queryKey: ['cases', 'history', record?.id],
    queryFn: () => dataProvider.caseHistory(record!.id).then((r) => r.data),
    enabled: load && !!record?.id,
  });
  if (!record) return null;
  if (!load)
    return (
      <Box>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('kesos.history.explain')}
        </Typography>
        <Button variant="outlined" startIcon={<HistoryIcon />} onClick={() => setLoad(true)} data-testid="load-history">
          {translate('kesos.history.load')}
        </Button>
      </Box>
    );
  if (isFetching && !data) return <CircularProgress size={24} sx={{ m: 2 }} />;
  if (error)
    return (
      <Alert severity="error" action={<Button onClick={() => refetch()}>{translate('ra.action.refresh')}</Button>}>
        {translate('kesos.history.error', { message: (error as Error).message })}
      </Alert>
    );
  const events = (data?.history?.events ?? []) as HistoryEvent[];
  return (
    <Box data-testid="history">
      <Typography variant="body2" color="text.secondary">
        {translate('kesos.history.summary', { workflowId: data?.workflowId ?? '', count: events.length })}
      </Typography>
      <List dense>
        {events.map((e, i) => (
          <EventRow key={String(e.eventId ?? i)} event={e} />
        ))}
      </List>
    </Box>
  );
};
