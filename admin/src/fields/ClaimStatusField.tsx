import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { ClaimRecord, ClaimStatus } from '../vocabulary';

const COLORS: Record<ClaimStatus, ChipProps['color']> = {
  report: 'info',
  verification: 'warning',
  approval: 'warning',
  awaiting_budget: 'error',
  disbursing: 'primary',
  paid: 'success',
  rejected: 'default',
};

/** The tali asih claim status as a translated, coloured chip. */
export const ClaimStatusField = (_props: FieldProps<ClaimRecord>) => {
  const record = useRecordContext<ClaimRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip size="small" color={COLORS[record.status] ?? 'default'} label={translate(`kesos.claim_status.${record.status}`, { _: record.status })} data-testid="claim-status" />
  );
};
