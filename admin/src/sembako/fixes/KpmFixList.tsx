// "Perbaikan data KPM": the proposed fixes of the caller's region (GET /api/sembako/kpm/fixes),
// filters by status, kind and kecamatan, and the accepted changes as the SIKS-NG spreadsheet
// (GET /api/sembako/kpm/changes.csv|xlsx). The review itself is a task in the inbox.
import { Box, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, ReferenceInput, SelectInput, SimpleList, TopToolbar, FilterButton, useTranslate } from 'react-admin';
import { ExportSpreadsheetButtons } from '../../common/ExportSpreadsheetButtons';
import { DateTimeField } from '../../fields/DateFields';
import { PersonField, RegionField, RegionName } from '../../fields/NameFields';
import { VocabularyField } from '../../fields/VocabularyField';
import { getUser } from '../../session';
import type { KpmFixRecord } from '../../types';
import { choices } from '../../vocabulary';
import { KPM_FIX_KINDS, KPM_FIX_STATUSES } from '../../../../domain/sembako';

const Column = DataTable.Col<KpmFixRecord>;

/** The kecamatan of the caller's kabupaten (a TKSK sees their own only: the API scopes the list anyway). */
const KecamatanFilter = (props: { source: string }) => {
  const region = getUser()?.regionCode;
  const filter = region && region.split('.').length === 2 ? { level: 'kecamatan', parentCode: region } : { level: 'kecamatan' };
  return (
    <ReferenceInput {...props} reference="regions" filter={filter} perPage={100} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" label="resources.sembako-kpm-fixes.fields.kecamatanCode" sx={{ minWidth: 200 }} />
    </ReferenceInput>
  );
};

const filters = [
  <SelectInput key="status" source="status" choices={choices(KPM_FIX_STATUSES, 'kesos.sembako.fix.status')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="kind" source="kind" choices={choices(KPM_FIX_KINDS, 'kesos.sembako.fix.kind')} alwaysOn sx={{ minWidth: 200 }} />,
  <KecamatanFilter key="kecamatanCode" source="kecamatanCode" />,
];

const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', minWidth: 0 }}>
    <FilterButton />
    <ExportSpreadsheetButtons what="sembako-kpm-changes" fileName="perubahan-kpm-sembako" />
  </TopToolbar>
);

export const KpmFixList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const word = (prefix: string, v: string) => translate(`${prefix}.${v}`, { _: v });
  return (
    <List<KpmFixRecord>
      title="kesos.sembako.fix.title"
      sort={{ field: 'proposedAt', order: 'DESC' }}
      filters={filters}
      actions={<Actions />}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<KpmFixRecord>
          linkType={(r) => `/sembako-kpm/${r.kpmId}/show`}
          primaryText={(r) => `${r.pengurusName ?? r.idKpm} · ${word('kesos.sembako.fix.kind', r.kind)}`}
          secondaryText={(r) => <RegionName code={r.kecamatanCode} />}
          tertiaryText={(r) => word('kesos.sembako.fix.status', r.status)}
        />
      ) : (
        <DataTable<KpmFixRecord>
          rowClick={(_id, _resource, r) => `/sembako-kpm/${(r as KpmFixRecord).kpmId}/show`}
          bulkActionButtons={false}
          empty={<Box sx={{ p: 2 }}>{translate('kesos.sembako.fix.empty')}</Box>}
        >
          <Column source="proposedAt">
            <DateTimeField source="proposedAt" />
          </Column>
          <Column source="idKpm" disableSort />
          <Column source="pengurusName" disableSort />
          <Column source="kind">
            <VocabularyField source="kind" prefix="kesos.sembako.fix.kind" />
          </Column>
          <Column source="status">
            <VocabularyField source="status" prefix="kesos.sembako.fix.status" />
          </Column>
          <Column source="kecamatanCode" disableSort>
            <RegionField source="kecamatanCode" />
          </Column>
          <Column source="proposedBy" disableSort>
            <PersonField source="proposedBy" />
          </Column>
          <Column source="reason" disableSort />
        </DataTable>
      )}
    </List>
  );
};
