// Take in a Sembako complaint (POST /api/complaints, which starts its workflow): channel, category,
// the day it came in, what the complainant says (the lapor.go.id number for that channel), the
// complainant (name and phone optional, never a NIK) and what it is about: a KPM of the register
// by its id, an e-warong by name and desa, or the programme in general. A kabupaten supervisor
// picks the kecamatan; a TKSK's is their own. The server's 422 field errors land on the fields
// (dataProvider turns problem+json pointers into react-admin's `errors`).
import { Alert, Box, Typography } from '@mui/material';
import {
  BooleanInput,
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
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { Role } from '../../../domain/roles';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from '../../../domain/sembako';
import { RegionName } from '../fields/NameFields';
import { getUser } from '../session';
import type { RegionRecord } from '../types';
import { choices } from '../vocabulary';

const SUBJECT_KINDS = ['kpm', 'e_warong', 'umum'] as const;

type Intake = {
  kecamatanCode?: string;
  channel?: string;
  laporReference?: string;
  category?: string;
  description?: string;
  receivedOn?: string;
  complainant?: { name?: string; phone?: string; isKpm?: boolean };
  subject?: { kind?: string; kpmId?: string; name?: string; desaCode?: string };
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** What the API takes: no empty strings, only the subject's own fields, no tracking number off lapor.go.id. */
export function intakeBody(d: Intake, kecamatanFixed: boolean): Record<string, unknown> {
  const kind = d.subject?.kind;
  const subject =
    kind === 'kpm'
      ? { kind, kpmId: text(d.subject?.kpmId) }
      : kind === 'e_warong'
        ? { kind, name: text(d.subject?.name), desaCode: text(d.subject?.desaCode) }
        : { kind };
  return {
    kecamatanCode: kecamatanFixed ? undefined : text(d.kecamatanCode),
    channel: d.channel,
    laporReference: d.channel === 'lapor_go_id' ? text(d.laporReference) : undefined,
    category: d.category,
    description: text(d.description),
    receivedOn: d.receivedOn,
    complainant: { name: text(d.complainant?.name), phone: text(d.complainant?.phone), isKpm: d.complainant?.isKpm === true },
    subject,
  };
}

const phoneRule = regex(/^\+?\d{8,15}$/, 'kesos.complaints.intake.phone_help');

/** The desa of the chosen kecamatan, for an e-warong complaint. */
const DesaInput = ({ kecamatan }: { kecamatan: string | undefined }) => (
  <ReferenceInput
    source="subject.desaCode"
    reference="regions"
    filter={{ parentCode: kecamatan, level: 'desa', current: true }}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={200}
  >
    <SelectInput
      optionText={(r: RegionRecord) => `${r.name} (${r.id})`}
      label="kesos.complaints.intake.e_warong_desa"
      emptyText="—"
      disabled={!kecamatan}
      fullWidth
    />
  </ReferenceInput>
);

export const ComplaintCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { permissions: role } = usePermissions<Role | null>();
  const isTksk = role === 'tksk';
  const own = getUser()?.regionCode ?? undefined;

  return (
    <Create
      resource="complaints"
      title="kesos.complaints.create"
      transform={(d: Intake) => intakeBody(d, isTksk)}
      mutationOptions={{
        onSuccess: (data: { id: string }) => (notify('kesos.complaints.intake.created', { type: 'success' }), redirect('show', 'complaints', data.id)),
      }}
    >
      <SimpleForm sx={{ maxWidth: 720 }} data-testid="complaint-form">
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('kesos.complaints.intake.explain')}
        </Alert>
        {isTksk ? (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="complaint-kecamatan">
            {translate('kesos.complaints.intake.kecamatan')}: <RegionName code={own} />
          </Typography>
        ) : (
          <ReferenceInput
            source="kecamatanCode"
            reference="regions"
            filter={{ parentCode: own, level: 'kecamatan', current: true }}
            sort={{ field: 'name', order: 'ASC' }}
            perPage={200}
          >
            <SelectInput
              optionText={(r: RegionRecord) => `${r.name} (${r.id})`}
              label="kesos.complaints.intake.kecamatan"
              helperText="kesos.complaints.intake.kecamatan_help"
              validate={required()}
              emptyText="—"
              fullWidth
            />
          </ReferenceInput>
        )}
        <SelectInput source="channel" choices={choices(COMPLAINT_CHANNELS, 'kesos.complaint_channel')} validate={required()} emptyText="—" fullWidth />
        <FormDataConsumer<Intake>>
          {({ formData }) =>
            formData.channel === 'lapor_go_id' && (
              <TextInput
                source="laporReference"
                validate={[required(), regex(/^[A-Z0-9-]{4,40}$/i, 'kesos.complaints.intake.lapor_help')]}
                helperText="kesos.complaints.intake.lapor_help"
                fullWidth
              />
            )
          }
        </FormDataConsumer>
        <SelectInput source="category" choices={choices(COMPLAINT_CATEGORIES, 'kesos.complaint_category')} validate={required()} emptyText="—" fullWidth />
        <DateInput source="receivedOn" validate={required()} />
        <TextInput
          source="description"
          multiline
          minRows={3}
          validate={[required(), minLength(10), maxLength(4000)]}
          helperText="kesos.complaints.intake.description_help"
          fullWidth
        />
        <Typography variant="subtitle1" component="h2">
          {translate('kesos.complaints.intake.complainant')}
        </Typography>
        <TextInput source="complainant.name" label="kesos.complaints.intake.complainant_name" validate={maxLength(200)} helperText={false} fullWidth />
        <TextInput
          source="complainant.phone"
          label="kesos.complaints.intake.complainant_phone"
          validate={phoneRule}
          helperText="kesos.complaints.intake.phone_help"
          inputProps={{ inputMode: 'tel' }}
          fullWidth
        />
        <BooleanInput source="complainant.isKpm" label="kesos.complaints.is_kpm" />
        <Typography variant="subtitle1" component="h2">
          {translate('kesos.complaints.intake.subject')}
        </Typography>
        <RadioButtonGroupInput
          source="subject.kind"
          label="kesos.complaints.intake.subject"
          choices={choices(SUBJECT_KINDS, 'kesos.complaints.subject_kind')}
          validate={required()}
        />
        <FormDataConsumer<Intake>>
          {({ formData }) => (
            <Box sx={{ width: '100%' }}>
              {formData.subject?.kind === 'kpm' && (
                <TextInput
                  source="subject.kpmId"
                  label="kesos.complaints.intake.kpm_id"
                  helperText="kesos.complaints.intake.kpm_id_help"
                  validate={required()}
                  fullWidth
                />
              )}
              {formData.subject?.kind === 'e_warong' && (
                <>
                  <TextInput
                    source="subject.name"
                    label="kesos.complaints.intake.e_warong_name"
                    validate={[required(), minLength(2), maxLength(200)]}
                    fullWidth
                  />
                  <DesaInput kecamatan={isTksk ? own : formData.kecamatanCode} />
                </>
              )}
            </Box>
          )}
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
};
