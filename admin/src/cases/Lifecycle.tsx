// The case's place in its process: Registrasi → Asesmen → Review asesmen → Pendampingan →
// Review terminasi → Bimbingan lanjut → Selesai, the current step highlighted from `status`;
// "Dibatalkan" / "Dijeda" / "Terlambat" chips beside it.
import { useEffect, useRef } from 'react';
import { Box, Chip, Stack, Step, StepLabel, Stepper } from '@mui/material';
import PauseIcon from '@mui/icons-material/PauseCircle';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CaseStatus } from '../../../domain/case';
import type { CaseRecord } from '../types';

export const LIFECYCLE = ['registered', 'assessment', 'assessment_review', 'pendampingan', 'closure_review', 'aftercare', 'closed'] as const;

/** Index of the current step; closed = past the last one (every step done). */
const ACTIVE: Record<CaseStatus, number> = {
  assessment: 1,
  assessment_review: 2,
  pendampingan: 3,
  closure_review: 4,
  aftercare: 5,
  closed: LIFECYCLE.length,
  cancelled: -1,
};

export const Lifecycle = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const scroller = useRef<HTMLDivElement>(null);
  // On a phone the stepper scrolls sideways: bring the current step into view.
  useEffect(() => {
    const box = scroller.current;
    const current = box?.querySelector<HTMLElement>('[data-current="true"]');
    if (box && current && box.scrollWidth > box.clientWidth) {
      const left = current.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
      box.scrollLeft = Math.max(0, left - box.clientWidth / 2 + current.clientWidth / 2);
    }
  }, [record?.status]);
  if (!record) return null;
  const rejected = record.status === 'closed' && record.closedReason === 'rejected';
  const cancelled = record.status === 'cancelled';
  const active = rejected ? 2 : (ACTIVE[record.status] ?? -1);
  return (
    // A one-column grid with minmax(0, 1fr): the wide stepper scrolls inside instead of widening the page.
    <Box data-testid="lifecycle" data-status={record.status} sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', width: '100%' }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
        {cancelled && <Chip color="default" variant="filled" label={translate('kesos.case_status.cancelled')} data-testid="chip-cancelled" />}
        {rejected && <Chip color="error" label={translate('kesos.closure_reason.rejected')} />}
        {record.paused && <Chip color="warning" icon={<PauseIcon />} label={translate('kesos.lifecycle.paused')} data-testid="chip-paused" />}
        {record.overdue && !cancelled && record.status !== 'closed' && <Chip color="error" label={translate('kesos.tasks.overdue')} />}
      </Stack>
      <Box ref={scroller} sx={{ overflowX: 'auto', pb: 1, opacity: cancelled ? 0.5 : 1 }}>
        <Stepper activeStep={rejected ? 2 : active} alternativeLabel sx={{ minWidth: 620 }}>
          {LIFECYCLE.map((step, i) => {
            const current = i === active && !cancelled && record.status !== 'closed';
            return (
              <Step key={step} completed={record.status === 'closed' ? !rejected || i < 2 : i < active}>
                <StepLabel
                  error={rejected && i === 2}
                  aria-current={current ? 'step' : undefined}
                  data-testid={`step-${step}`}
                  data-current={current || (record.status === 'closed' && i === LIFECYCLE.length - 1) ? 'true' : undefined}
                  sx={current ? { '& .MuiStepLabel-label': { fontWeight: 700 } } : undefined}
                >
                  {translate(`kesos.lifecycle.step.${step}`)}
                </StepLabel>
              </Step>
            );
          })}
        </Stepper>
      </Box>
    </Box>
  );
};
