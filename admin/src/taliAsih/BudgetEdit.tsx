// Set a provinsi allocation (PUT /api/tali-asih/budgets, an upsert by period and funding source):
// whole rupiah, never below what approved claims already reserved or were paid (the API answers
// 409 then). Claims waiting for budget re-check as soon as it is saved. The amount is typed the
// Indonesian way ("2.500.000", RupiahInput).
import { Create, Edit, required, SelectInput, SimpleForm, TextInput, useTranslate, type Validator } from 'react-admin';
import { formatRupiah } from '../fields/RupiahField';
import { RupiahInput } from '../fields/RupiahInput';
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
      <RupiahInput source="allocated" validate={[required(), wholeRupiah]} helperText={translate('kesos.budgets.allocated_help')} />
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
