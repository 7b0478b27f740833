// The PSKS directory of the caller's region (GET /api/psks): on a phone a simple list (name, type,
// desa), elsewhere a table; filtered by type, kecamatan, desa and a name search.
import { useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { ACTIONS } from '../../../domain/access';
import type { Role } from '../../../domain/roles';
import { RegionField, RegionName, YesNoField } from '../fields/NameFields';
import type { PsksRecord, RegionRecord } from '../types';
import { usePsksTypes } from './usePsksTypes';

const Column = DataTable.Col<PsksRecord>;
const regionText = (r: RegionRecord) => `${r.name} (${r.id})`;
const byName = (q: string) => (q.trim().length >= 2 ? { q: q.trim() } : {});

const Actions = () => {
  const { permissions: role } = usePermissions<Role | null>();
  return <TopToolbar>{role && (ACTIONS['psks.manage'] as readonly Role[]).includes(role) && <CreateButton />}</TopToolbar>;
};

export const PsksList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { choices, nameOf } = usePsksTypes();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="type" source="type" choices={choices} alwaysOn sx={{ minWidth: 200 }} />,
    <ReferenceInput
      key="kecamatan"
      source="kecamatan"
      reference="regions"
      filter={{ level: 'kecamatan', current: true }}
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput optionText={regionText} filterToQuery={byName} sx={{ minWidth: 220 }} helperText={false} />
    </ReferenceInput>,
    <ReferenceInput key="desa" source="desa" reference="regions" filter={{ level: 'desa', current: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText={regionText} filterToQuery={byName} sx={{ minWidth: 220 }} helperText={false} />
    </ReferenceInput>,
  ];
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} data-testid="psks-list">
      {phone ? (
        <SimpleList<PsksRecord>
          primaryText={(r) => r.name}
          secondaryText={(r) => nameOf(r.typeCode)}
          tertiaryText={(r) => <RegionName code={r.desaCode} />}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="name" />
          <Column source="typeCode" render={(r) => nameOf(r.typeCode)} />
          <Column source="desaCode" field={RegionField} />
          <Column source="contactPhone" disableSort />
          <Column source="capacity" disableSort />
          <Column source="active" disableSort field={YesNoField} />
        </DataTable>
      )}
    </List>
  );
};
