// A task's completion form generated from its JSON Schema (GET /api/task-types): strings, enums
// (select), dates, numbers, arrays of strings (repeatable inputs) and nested objects (fieldset).
// Server-side 422 errors (`errors[].path` = ['body','data',…]) land on the matching field.
import { Box, Typography } from '@mui/material';
import {
  ArrayInput,
  DateInput,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { PsksPicker } from '../psks/PsksPicker';
import { isDateSchema, type JsonSchema } from './taskTypes';

/** i18n prefix of an enum's labels (fallback: the raw value). */
const ENUM_PREFIX: Record<string, string> = { closureReason: 'kesos.closure_reason' };
export const enumPrefix = (key: string) => ENUM_PREFIX[key] ?? `kesos.enum.${key}`;

/** "visitCadenceDays" → "Visit cadence days" (only for fields the messages do not name). */
const humanize = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const useFieldLabel = () => {
  const translate = useTranslate();
  return (key: string) => translate(`kesos.field.${key}`, { _: humanize(key) });
};

const minItems =
  (min: number): Validator =>
  (value: unknown) =>
    !Array.isArray(value) || value.filter((v) => v !== '' && v != null).length < min ? { message: 'kesos.form.min_items', args: { min } } : undefined;

const stringValidators = (s: JsonSchema, isRequired: boolean): Validator[] => [
  ...(isRequired ? [required()] : []),
  ...(s.minLength ? [minLength(s.minLength)] : []),
  ...(s.maxLength ? [maxLength(s.maxLength)] : []),
];

interface FieldProps {
  name: string;
  schema: JsonSchema;
  source: string;
  isRequired: boolean;
}

const SchemaField = ({ name, schema, source, isRequired }: FieldProps) => {
  const translate = useTranslate();
  const label = useFieldLabel()(name);
  const common = { source, label, fullWidth: true, 'data-testid': `field-${source}` } as const;
  if (schema.type === 'object') {
    return (
      <Box
        component="fieldset"
        data-testid={`fieldset-${source}`}
        sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 2, pb: 1, mb: 2, width: '100%', boxSizing: 'border-box' }}
      >
        <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
          {label}
        </Typography>
        <SchemaFields schema={schema} prefix={source} />
      </Box>
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'string') {
    const itemValidators = stringValidators(schema.items, true);
    return (
      <ArrayInput source={source} label={label} validate={schema.minItems ? minItems(schema.minItems) : undefined} fullWidth>
        <SimpleFormIterator disableReordering inline disableClear fullWidth>
          {/* The item has no visible label of its own: the list's label names its inputs (WCAG 1.3.1, 4.1.2). */}
          <TextInput
            source=""
            label={false}
            hiddenLabel
            validate={itemValidators}
            helperText={false}
            inputProps={{ 'aria-label': typeof label === 'string' ? label : undefined }}
            sx={{ minWidth: { xs: '100%', sm: 400 } }}
          />
        </SimpleFormIterator>
      </ArrayInput>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const validate = [
      ...(isRequired ? [required()] : []),
      ...(schema.minimum !== undefined ? [minValue(schema.minimum)] : []),
      ...(schema.maximum !== undefined ? [maxValue(schema.maximum)] : []),
    ];
    const range =
      schema.minimum !== undefined && schema.maximum !== undefined ? translate('kesos.form.range', { min: schema.minimum, max: schema.maximum }) : undefined;
    return <NumberInput {...common} fullWidth={false} validate={validate} step={schema.type === 'integer' ? 1 : undefined} helperText={range ?? false} />;
  }
  if (schema.enum) {
    const prefix = enumPrefix(name);
    return (
      <SelectInput
        {...common}
        validate={isRequired ? required() : undefined}
        choices={schema.enum.map((value) => ({ id: value, name: translate(`${prefix}.${value}`, { _: value }) }))}
        translateChoice={false}
        emptyText={isRequired ? undefined : '—'}
      />
    );
  }
  // The one field that names a record: picked from the PSKS directory, not typed as an id.
  if (name === 'psksId') return <PsksPicker source={source} label={label} />;
  if (isDateSchema(schema)) {
    return <DateInput {...common} fullWidth={false} validate={isRequired ? required() : undefined} />;
  }
  const long = (schema.maxLength ?? 0) >= 1000;
  const hint = schema.minLength ? translate('ra.validation.minLength', { min: schema.minLength }) : false;
  return <TextInput {...common} validate={stringValidators(schema, isRequired)} multiline={long} minRows={long ? 2 : undefined} helperText={hint} />;
};

/** The inputs for an object schema, under `prefix` (e.g. `data`). */
export const SchemaFields = ({ schema, prefix }: { schema: JsonSchema; prefix: string }) => (
  <>
    {Object.entries(schema.properties ?? {}).map(([name, prop]) => (
      <SchemaField key={name} name={name} schema={prop} source={`${prefix}.${name}`} isRequired={(schema.required ?? []).includes(name)} />
    ))}
  </>
);

/** Trim strings; drop empty optional values and empty array items (the API wants them absent). */
export const compact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(compact).filter((v) => v !== '' && v !== null && v !== undefined);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, compact(typeof v === 'string' ? v.trim() : v)] as const)
        .filter(([, v]) => v !== null && v !== undefined && v !== ''),
    );
  }
  return typeof value === 'string' ? value.trim() : value;
};
