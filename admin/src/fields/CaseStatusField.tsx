import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { CaseRecord, CaseStatus } from '../vocabulary';

const COLORS: Record<CaseStatus, ChipProps['color']> = {
  assessment: 'info',
  assessment_review: 'warning',
  pendampingan: 'primary',
  closure_review: 'warning',
  aftercare: 'secondary',
  closed: 'success',
  cancelled: 'default',
};

/** The case status as a translated, coloured chip. */
export const CaseStatusField = (_props: FieldProps<CaseRecord>) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      color={COLORS[record.status] ?? 'default'}
      label={translate(`kesos.case_status.${record.status}`, { _: record.status })}
    />
  );
};
