// Opening a distribution period (POST /api/sembako/periods): the kecamatan (a TKSK's own; a
// kabupaten supervisor picks one of their kabupaten), the month, and its distribution points
// (name, kind, desa of that kecamatan). The workflow then puts the Tikor meeting in the inbox.
import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { ArrayInput, Create, ReferenceInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { RegionName } from '../../fields/NameFields';
import { getUser } from '../../session';
import { choices } from '../../vocabulary';

const POINT_KINDS = ['e_warong', 'agen', 'pos'] as const;

/** A complete month (the API takes YYYY-MM only). */
const month = (value: unknown) => (value && !/^20\d{2}-(0[1-9]|1[0-2])$/.test(String(value)) ? 'kesos.sembako.periods.invalid_period' : undefined);

interface PointInput {
  name?: string;
  kind?: string;
  desaCode?: string;
}

/** A point's short id from its name: `E-Warong Sido Makmur` → `e-warong-sido-makmur-1`. */
export const pointIdOf = (name: string, index: number): string => {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34);
  return `${slug || 'titik'}-${index + 1}`;
};

const toBody = (data: Record<string, unknown>) => ({
  ...(data.kecamatanCode ? { kecamatanCode: data.kecamatanCode } : {}),
  period: data.period,
  distributionPoints: ((data.distributionPoints as PointInput[] | undefined) ?? []).map((p, i) => ({
    pointId: pointIdOf(p.name ?? '', i),
    name: p.name,
    kind: p.kind,
    desaCode: p.desaCode,
  })),
});

/** The desa of the chosen kecamatan (the TKSK's own when there is no picker). */
const DesaInput = ({ source, kecamatan }: { source: string; kecamatan?: string }) => {
  const chosen = useWatch({ name: 'kecamatanCode' }) as string | undefined;
  const parent = chosen || kecamatan;
  return (
    <ReferenceInput
      source={source}
      reference="regions"
      filter={{ level: 'desa', parentCode: parent ?? '-' }}
      perPage={200}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <SelectInput optionText="name" label="kesos.sembako.periods.point_desa" validate={required()} disabled={!parent} sx={{ minWidth: 200 }} />
    </ReferenceInput>
  );
};

export const PeriodCreate = () => {
  const translate = useTranslate();
  const user = getUser();
  const tksk = user?.role === 'tksk';
  return (
    <Create title="kesos.sembako.periods.create" transform={toBody} redirect="show">
      <SimpleForm>
        {tksk ? (
          <Typography data-testid="period-kecamatan">
            {translate('kesos.sembako.kpm.kecamatan')}: <RegionName code={user?.regionCode} />
          </Typography>
        ) : (
          <ReferenceInput
            source="kecamatanCode"
            reference="regions"
            filter={{ level: 'kecamatan', parentCode: user?.regionCode ?? '-' }}
            perPage={200}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <SelectInput optionText="name" label="kesos.sembako.kpm.kecamatan" validate={required()} sx={{ minWidth: 240 }} />
          </ReferenceInput>
        )}
        <TextInput source="period" type="month" label="kesos.sembako.periods.period" validate={[required(), month]} InputLabelProps={{ shrink: true }} />
        <ArrayInput source="distributionPoints" label="kesos.sembako.periods.points" validate={required()}>
          <SimpleFormIterator inline disableReordering>
            <TextInput source="name" label="kesos.sembako.periods.point_name" validate={required()} helperText={false} />
            <SelectInput
              source="kind"
              label="kesos.sembako.periods.point_kind"
              choices={choices(POINT_KINDS, 'kesos.sembako.point_kind')}
              validate={required()}
              sx={{ minWidth: 160 }}
            />
            <DesaInput source="desaCode" kecamatan={tksk ? (user?.regionCode ?? undefined) : undefined} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
