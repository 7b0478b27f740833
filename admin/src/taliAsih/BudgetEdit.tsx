// Set a provinsi allocation (PUT /api/tali-asih/budgets, an upsert by period and funding source):
// whole rupiah, never below what approved claims already reserved or were paid (the API answers
// 409 then). Claims waiting for budget re-check as soon as it is saved.
import { Typography } from '@mui/material';
import { Create, Edit, FormDataConsumer, NumberInput, required, SelectInput, SimpleForm, TextInput, useTranslate, type Validator } from 'react-admin';
import { formatRupiah } from '../fields/RupiahField';
import { FUNDING_SOURCES } from '../../../domain/taliAsih';
import type { BudgetRecord } from '../types';
import { choices } from '../vocabulary';

const wholeRupiah: Validator = (value: unknown) => {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) return 'kesos.budgets.whole_rupiah';
  if (n < 0 || n > 1_000_000_000_000) return { message: 'kesos.form.range', args: { min: 0, max: formatRupiah(1_000_000_000_000) } };
  return undefined;
};
const month: Validator = (value: unknown) => (value && !/^\d{4}-(0[1-9]|1[0-2])$/.test(String(value)) ? 'kesos.claims.invalid_period' : undefined);

/** The typed amount as rupiah, so a missing zero shows before saving. */
const AmountPreview = () => (
  <FormDataConsumer<BudgetRecord>>
    {({ formData }) =>
      Number.isInteger(Number(formData.allocated)) && formData.allocated !== null ? (
        <Typography variant="body2" color="text.secondary" data-testid="allocated-preview">
          = {formatRupiah(Number(formData.allocated))}
        </Typography>
      ) : null
    }
  </FormDataConsumer>
);

const BudgetForm = ({ editing }: { editing?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      <TextInput source="period" type="month" validate={[required(), month]} disabled={editing} InputLabelProps={{ shrink: true }} />
      <SelectInput
        source="fundingSource"
        choices={choices(FUNDING_SOURCES, 'kesos.funding_source')}
        validate={required()}
        disabled={editing}
        defaultValue="APBN"
      />
      <NumberInput source="allocated" step={1} min={0} validate={[required(), wholeRupiah]} helperText={translate('kesos.budgets.allocated_help')} />
      <AmountPreview />
    </SimpleForm>
  );
};

export const BudgetEdit = () => (
  <Edit<BudgetRecord> mutationMode="pessimistic" redirect="list">
    <BudgetForm editing />
  </Edit>
);

export const BudgetCreate = () => (
  <Create<BudgetRecord> redirect="list">
    <BudgetForm />
  </Create>
);
