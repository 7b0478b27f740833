// Statuses of domain's closed vocabularies as translated, coloured chips: one field, a colour per
// value (a map per vocabulary, so a status domain adds without a colour fails the type check).
import { Chip, Stack, type ChipProps } from '@mui/material';
import { useFieldValue, useRecordContext, useTranslate, type DateFieldProps, type FieldProps } from 'react-admin';
import type { CaseStatus } from '../../../domain/case';
import type { ClaimStatus } from '../../../domain/taliAsih';
import type { ReferralStatus, TaskStatus } from '../../../domain/taskTypes';
import { DateTimeField } from './DateFields';

type ChipFieldProps = Omit<FieldProps, 'source'> & { source?: string };

interface StatusFieldProps<T extends string> extends ChipFieldProps {
  /** i18n prefix of the labels, e.g. `kesos.case_status`. */
  prefix: string;
  colors: Record<T, ChipProps['color']>;
  variant?: ChipProps['variant'];
  testId?: string;
}

/** The value at `source` (default `status`) as a chip labelled `<prefix>.<value>`. */
export const StatusField = <T extends string>({ prefix, colors, variant, testId, source = 'status', ...props }: StatusFieldProps<T>) => {
  const value = useFieldValue({ ...props, source });
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return (
    <Chip
      size="small"
      variant={variant}
      color={colors[value as T] ?? 'default'}
      label={translate(`${prefix}.${value}`, { _: String(value) })}
      data-testid={testId}
    />
  );
};

const CASE_COLORS: Record<CaseStatus, ChipProps['color']> = {
  assessment: 'info',
  assessment_review: 'warning',
  pendampingan: 'primary',
  closure_review: 'warning',
  aftercare: 'secondary',
  closed: 'success',
  cancelled: 'default',
};

const TASK_COLORS: Record<TaskStatus, ChipProps['color']> = {
  open: 'primary',
  completed: 'success',
  cancelled: 'default',
};

const CLAIM_COLORS: Record<ClaimStatus, ChipProps['color']> = {
  report: 'info',
  verification: 'warning',
  approval: 'warning',
  awaiting_budget: 'error',
  disbursing: 'primary',
  payment_cancelled: 'error',
  paid: 'success',
  rejected: 'default',
};

const REFERRAL_COLORS: Record<ReferralStatus, ChipProps['color']> = {
  open: 'info',
  served: 'success',
  not_served: 'error',
  cancelled: 'default',
};

export const CaseStatusField = (props: ChipFieldProps) => <StatusField {...props} prefix="kesos.case_status" colors={CASE_COLORS} />;

export const TaskStatusField = (props: ChipFieldProps) => <StatusField {...props} prefix="kesos.task_status" colors={TASK_COLORS} variant="outlined" />;

export const ClaimStatusField = (props: ChipFieldProps) => <StatusField {...props} prefix="kesos.claim_status" colors={CLAIM_COLORS} testId="claim-status" />;

export const ReferralStatusField = (props: ChipFieldProps) => (
  <StatusField {...props} prefix="kesos.referral_status" colors={REFERRAL_COLORS} variant="outlined" />
);

/** "terlambat" (overdue) badge, rendered only when the record says so. */
export const OverdueBadge = () => {
  const record = useRecordContext<{ overdue?: boolean }>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" label={translate('kesos.tasks.overdue')} />;
};

/** A task's due date-time followed by the overdue badge. */
export const DueAtField = ({ source = 'dueAt', ...props }: Partial<DateFieldProps>) => (
  <Stack direction="row" spacing={1} alignItems="center">
    <span>
      <DateTimeField source={source} {...props} />
    </span>
    <OverdueBadge />
  </Stack>
);
