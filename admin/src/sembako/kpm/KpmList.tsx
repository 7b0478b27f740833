// The KPM register of the caller's region (GET /api/sembako/kpm): names and words, numbers as
// the API returns them (masked unless the caller is the kecamatan's TKSK or the kabupaten
// supervisor), filters by desa, channel, bank and status, and the register's own CSV/XLSX export.
import { Box, Button, useMediaQuery, type Theme } from '@mui/material';
import UploadIcon from '@mui/icons-material/UploadFile';
import { DataTable, FilterButton, List, ReferenceInput, SelectInput, SimpleList, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ExportSpreadsheetButtons } from '../../common/ExportSpreadsheetButtons';
import { RegionField, RegionName } from '../../fields/NameFields';
import { VocabularyField } from '../../fields/VocabularyField';
import { getUser } from '../../session';
import type { KpmRecord } from '../../types';
import { choices } from '../../vocabulary';
import { HIMBARA_BANKS, KPM_STATUSES, PKH_STATUSES, SEMBAKO_CHANNELS } from '../../../../domain/sembako';

const Column = DataTable.Col<KpmRecord>;

/** The desa of the caller's kecamatan (a TKSK) or kabupaten (the API scopes the KPM anyway). */
const DesaFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const region = getUser()?.regionCode;
  const filter = region && region.split('.').length === 3 ? { level: 'desa', parentCode: region } : { level: 'desa' };
  return (
    <ReferenceInput {...props} reference="regions" filter={filter} perPage={200} sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput optionText="name" label="resources.sembako-kpm.fields.desaCode" sx={{ minWidth: 200 }} />
    </ReferenceInput>
  );
};

const kpmFilters = [
  <DesaFilter key="desaCode" source="desaCode" alwaysOn />,
  <SelectInput key="channel" source="channel" choices={choices(SEMBAKO_CHANNELS, 'kesos.sembako.channel')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="bank" source="bank" choices={HIMBARA_BANKS.map((b) => ({ id: b, name: b }))} sx={{ minWidth: 140 }} />,
  <SelectInput key="status" source="status" choices={choices(KPM_STATUSES, 'kesos.sembako.kpm_status')} alwaysOn sx={{ minWidth: 160 }} />,
  <SelectInput key="pkhStatus" source="pkhStatus" choices={choices(PKH_STATUSES, 'kesos.sembako.pkh_status')} sx={{ minWidth: 160 }} />,
];

/** "Aktif", or "Nonaktif — meninggal dunia". */
export const KpmStatusText = ({ kpm }: { kpm: KpmRecord }) => {
  const translate = useTranslate();
  const status = translate(`kesos.sembako.kpm_status.${kpm.status}`, { _: kpm.status });
  return (
    <span data-testid="kpm-status">
      {kpm.statusReason ? `${status} — ${translate(`kesos.sembako.inactive_reason.${kpm.statusReason}`, { _: kpm.statusReason })}` : status}
    </span>
  );
};

const importsKpm = (role: string | null | undefined) => role === 'tksk' || role === 'supervisor_kabupaten';

const KpmActions = () => {
  const { permissions: role } = usePermissions<string | null>();
  const translate = useTranslate();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', minWidth: 0 }}>
      {importsKpm(role) && (
        <Button component={Link} to="/sembako-kpm/create" size="small" variant="contained" startIcon={<UploadIcon />} data-testid="kpm-import">
          {translate('kesos.sembako.kpm.import_button')}
        </Button>
      )}
      <FilterButton />
      <ExportSpreadsheetButtons what="sembako-kpm" fileName="kpm-sembako" />
    </TopToolbar>
  );
};

export const KpmList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const word = (prefix: string, v: string | null) => (v ? translate(`${prefix}.${v}`, { _: v }) : '');
  return (
    <List<KpmRecord>
      title="kesos.sembako.kpm.title"
      sort={{ field: 'idKpm', order: 'ASC' }}
      filters={kpmFilters}
      actions={<KpmActions />}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<KpmRecord>
          linkType="show"
          primaryText={(k) => k.pengurusName ?? k.idKpm}
          secondaryText={(k) => (
            <>
              <RegionName code={k.desaCode} /> · {word('kesos.sembako.channel', k.channel)}
              {k.bank ? ` ${k.bank}` : ''}
            </>
          )}
          tertiaryText={(k) => <KpmStatusText kpm={k} />}
        />
      ) : (
        <DataTable<KpmRecord> rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>{translate('kesos.sembako.kpm.empty')}</Box>}>
          <Column source="idKpm" />
          <Column source="pengurusName" disableSort />
          <Column source="pengurusNik" disableSort />
          <Column source="kkNumber" disableSort />
          <Column source="kksNumber" disableSort />
          <Column source="desaCode">
            <RegionField source="desaCode" />
          </Column>
          <Column source="channel" disableSort>
            <VocabularyField source="channel" prefix="kesos.sembako.channel" />
          </Column>
          <Column source="bank" disableSort />
          <Column source="pkhStatus" disableSort>
            <VocabularyField source="pkhStatus" prefix="kesos.sembako.pkh_status" />
          </Column>
          <Column source="status" disableSort render={(k) => <KpmStatusText kpm={k} />} />
        </DataTable>
      )}
    </List>
  );
};
