import type { ReactNode } from 'react';
import { Chip, Stack, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { TaskRecord, TaskStatus } from '../vocabulary';

const COLORS: Record<TaskStatus, ChipProps['color']> = {
  open: 'primary',
  completed: 'success',
  cancelled: 'default',
};

/** The task status as a translated chip. */
export const TaskStatusField = (_props: FieldProps<TaskRecord>) => {
  const record = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!record?.status) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[record.status] ?? 'default'}
      label={translate(`kesos.task_status.${record.status}`, { _: record.status })}
    />
  );
};

/** "terlambat" (overdue) badge, rendered only when the record says so. */
export const OverdueBadge = () => {
  const record = useRecordContext<{ overdue?: boolean }>();
  const translate = useTranslate();
  if (!record?.overdue) return null;
  return <Chip size="small" color="error" label={translate('kesos.tasks.overdue')} />;
};

/** A date-time followed by the overdue badge. */
export const DueField = ({ children }: { children: ReactNode; source?: string }) => (
  <Stack direction="row" spacing={1} alignItems="center">
    <span>{children}</span>
    <OverdueBadge />
  </Stack>
);
