import { Tooltip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

interface VocabularyFieldProps extends FieldProps {
  /** i18n prefix of the labels, e.g. `kesos.task_type`. */
  prefix: string;
}

/** A code from a closed vocabulary shown with its translated label (the raw code if unknown). */
export const VocabularyField = ({ prefix, ...props }: VocabularyFieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return <span>{translate(`${prefix}.${value}`, { _: String(value) })}</span>;
};

/** The PMKS code, with the category name as tooltip (or inline with `showName`). */
export const PmksField = ({ showName, ...props }: FieldProps & { showName?: boolean }) => {
  const code = useFieldValue(props);
  const translate = useTranslate();
  if (!code) return null;
  const name = translate(`kesos.pmks.${code}`, { _: String(code) });
  if (showName) return <span>{`${code} — ${name}`}</span>;
  return (
    <Tooltip title={name}>
      <span>{String(code)}</span>
    </Tooltip>
  );
};

/** The case's current step: a task type, or a phase between tasks (aftercare_wait, closed…). */
export const StepField = (props: FieldProps) => {
  const value = useFieldValue(props);
  const translate = useTranslate();
  if (value == null || value === '') return null;
  return <span>{translate(`kesos.task_type.${value}`, { _: translate(`kesos.step.${value}`, { _: String(value) }) })}</span>;
};
