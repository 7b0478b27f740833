import { Alert, Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import {
  Create,
  DateInput,
  FormDataConsumer,
  maxLength,
  minLength,
  RadioButtonGroupInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useGetList,
  useNotify,
  useRedirect,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { CONSENT_BASES, SEXES } from '../../../domain/case';
import { isChildCategory } from '../../../domain/pmks';
import { getUser } from '../session';
import type { CaseRecord, RegionRecord } from '../types';
import { choices } from '../vocabulary';
import { usePmksChoices } from './usePmksChoices';

const validateNik = [required(), regex(/^\d{16}$/, 'kesos.cases.validation.nik')];
const validateName = [required(), minLength(2), maxLength(120)];
const validateAddress = [required(), minLength(3), maxLength(300)];
const validateSummary = [required(), minLength(10), maxLength(4000)];

/** Drop empty optional fields: the API wants them absent, not null or "". */
const compact = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, compact(typeof v === 'string' ? v.trim() : v)] as const)
        .filter(([, v]) => v !== null && v !== undefined && v !== ''),
    );
  }
  return value;
};

const Section = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" sx={{ mt: 2 }}>
      {translate(label)}
    </Typography>
  );
};

/**
 * The person's open cases, before submitting: once the NIK has its 16 digits, the cases of that
 * NIK the caller may see (GET /api/cases is region-scoped, so nothing outside it is revealed; the
 * API audits each lookup). A second case in the same category would be refused on saving.
 */
const OpenCasesOfNik = () => {
  const translate = useTranslate();
  const nik = useWatch({ name: 'beneficiary.nik' }) as string | undefined;
  const valid = !!nik && /^\d{16}$/.test(nik);
  const { data } = useGetList<CaseRecord>(
    'cases',
    { filter: { nik, open: true }, pagination: { page: 1, perPage: 5 }, sort: { field: 'createdAt', order: 'DESC' } },
    { enabled: valid, staleTime: 60_000 },
  );
  if (!valid || !data?.length) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1, width: '100%', boxSizing: 'border-box' }} data-testid="nik-open-cases" role="status">
      {translate('kesos.cases.nik_open_case')}{' '}
      {data.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ', '}
          <Link to={`/cases/${c.id}/show`} target="_blank" rel="noopener">
            {`${c.beneficiary?.name ?? translate('resources.cases.name', { smart_count: 1 })} — ${c.pmksCode} ${translate(`kesos.pmks.${c.pmksCode}`, { _: '' })} (${translate(`kesos.case_status.${c.status}`, { _: c.status })})`}
          </Link>
        </span>
      ))}
      . {translate('kesos.cases.nik_open_case_hint')}
    </Alert>
  );
};

/** The desa/kelurahan of the TKSK's kecamatan, by name (GET /api/regions?filter={"parentCode":…}). */
const DesaInput = () => {
  const kecamatan = getUser()?.regionCode ?? undefined;
  return (
    <ReferenceInput
      source="beneficiary.desaCode"
      reference="regions"
      filter={{ parentCode: kecamatan, level: 'desa', current: true }}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={200}
    >
      <SelectInput
        optionText={(r: RegionRecord) => `${r.name} (${r.id})`}
        validate={required()}
        helperText="kesos.cases.helper.desaCode"
        emptyText="—"
        fullWidth
      />
    </ReferenceInput>
  );
};

/** After saving: the case page, and a warning when the person has open cases in other PMKS categories. */
function useRegistered() {
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  return (data: { id: Identifier; warnings?: { code: string; pmksCode?: string }[] }) => {
    const others = (data.warnings ?? []).filter((w) => w.code === 'open_case_other_category');
    if (others.length) {
      const categories = others.map((w) => (w.pmksCode ? translate(`kesos.pmks.${w.pmksCode}`, { _: w.pmksCode }) : '?')).join(', ');
      notify('kesos.cases.warning_open_other', { type: 'warning', messageArgs: { categories }, autoHideDuration: 15_000 });
    } else {
      notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    }
    redirect('show', 'cases', data.id);
  };
}

export const CaseCreate = () => {
  const translate = useTranslate();
  const pmksChoices = usePmksChoices();
  const onSuccess = useRegistered();
  return (
    <Create title="kesos.cases.register" mutationOptions={{ onSuccess }} transform={(data) => compact(data) as typeof data}>
      <SimpleForm sx={{ maxWidth: 720 }}>
        <Section label="kesos.cases.section.beneficiary" />
        <TextInput source="beneficiary.nik" validate={validateNik} helperText="kesos.cases.helper.nik" inputMode="numeric" fullWidth />
        <OpenCasesOfNik />
        <TextInput source="beneficiary.name" validate={validateName} fullWidth />
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%' }}>
          <DateInput source="beneficiary.birthDate" validate={required()} helperText="kesos.cases.helper.birthDate" />
          <RadioButtonGroupInput source="beneficiary.sex" choices={choices(SEXES, 'kesos.sex')} validate={required()} />
        </Box>
        <TextInput source="beneficiary.address" validate={validateAddress} multiline fullWidth />
        <DesaInput />

        <Section label="kesos.cases.section.case" />
        <SelectInput source="pmksCode" choices={pmksChoices} translateChoice={false} validate={required()} fullWidth />
        <TextInput source="summary" validate={validateSummary} helperText="kesos.cases.helper.summary" multiline minRows={3} fullWidth />

        <Section label="kesos.cases.section.consent" />
        <FormDataConsumer<{ pmksCode?: string; consent?: { basis?: string } }>>
          {({ formData }) =>
            isChildCategory(formData.pmksCode ?? '') ? (
              <Alert severity="info" sx={{ mb: 1 }}>
                {translate('kesos.cases.helper.child_consent')}
              </Alert>
            ) : null
          }
        </FormDataConsumer>
        <SelectInput source="consent.basis" choices={choices(CONSENT_BASES, 'kesos.consent_basis')} validate={required()} fullWidth />
        <TextInput source="consent.givenBy" helperText="kesos.cases.helper.givenBy" validate={maxLength(120)} fullWidth />
        <FormDataConsumer<{ consent?: { basis?: string } }>>
          {({ formData }) => (formData.consent?.basis === 'guardian' ? <TextInput source="consent.relationship" validate={maxLength(60)} fullWidth /> : null)}
        </FormDataConsumer>
        <TextInput source="consent.note" helperText="kesos.cases.helper.note" validate={maxLength(1000)} multiline fullWidth />
      </SimpleForm>
    </Create>
  );
};
