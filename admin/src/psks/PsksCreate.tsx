// A new PSKS entry (POST /api/psks), phone-first for the TKSK: type, name, desa (a TKSK's own
// kecamatan), contact and capacity; the LKS registration number and accreditation only for an LKS.
// Empty at first: examples are in the helper texts, never values.
import { AutocompleteInput, Create, FormDataConsumer, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { LKS_ACCREDITATIONS, PSKS_SERVICE_AREAS } from '../../../domain/psks';
import { getUser } from '../session';
import type { RegionRecord } from '../types';
import { choices } from '../vocabulary';
import { usePsksTypes } from './usePsksTypes';

/**
 * The entry's fields, shared by Create and Edit. The type is chosen once (`typeLocked` on Edit:
 * the API's PATCH does not take it, a new type is a new entry) and shown by its name.
 */
export const PsksFields = ({ typeLocked = false }: { typeLocked?: boolean }) => {
  const { choices: typeChoices } = usePsksTypes();
  const user = getUser();
  // A TKSK writes entries of their own kecamatan only (the API refuses others).
  const desaFilter =
    user?.role === 'tksk' && user.regionCode ? { level: 'desa', current: true, parentCode: user.regionCode } : { level: 'desa', current: true };
  return (
    <>
      <SelectInput source="typeCode" choices={typeChoices} validate={required()} fullWidth disabled={typeLocked} />
      <TextInput source="name" validate={required()} fullWidth helperText="kesos.psks.help.name" />
      <ReferenceInput source="desaCode" reference="regions" filter={desaFilter} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
        <AutocompleteInput
          optionText={(r: RegionRecord) => `${r.name} (${r.id})`}
          filterToQuery={(q: string) => (q.trim().length >= 2 ? { q: q.trim() } : {})}
          validate={required()}
          fullWidth
        />
      </ReferenceInput>
      <SelectInput source="serviceArea" choices={choices(PSKS_SERVICE_AREAS, 'kesos.psks.service_area')} fullWidth />
      <TextInput source="address" fullWidth />
      <TextInput source="contactName" fullWidth />
      <TextInput source="contactPhone" type="tel" fullWidth helperText="kesos.psks.help.phone" />
      <NumberInput source="capacity" min={0} fullWidth helperText="kesos.psks.help.capacity" />
      <TextInput source="services" multiline fullWidth />
      <FormDataConsumer>
        {({ formData }) =>
          formData.typeCode === 'LKS' && (
            <>
              <TextInput source="registrationNumber" fullWidth helperText="kesos.psks.help.registration" />
              <SelectInput source="accreditation" choices={choices(LKS_ACCREDITATIONS, 'kesos.psks.accreditation')} fullWidth />
            </>
          )
        }
      </FormDataConsumer>
    </>
  );
};

export const PsksCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <PsksFields />
    </SimpleForm>
  </Create>
);
