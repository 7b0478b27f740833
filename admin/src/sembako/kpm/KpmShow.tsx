// One KPM of the register (read through the list's id filter: there is no GET /api/sembako/kpm/:id),
// its open and decided data fixes, and "Ajukan perbaikan data" for its TKSK and the kabupaten.
import { Box, Stack, Typography } from '@mui/material';
import {
  DataTable,
  Labeled,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField } from '../../fields/DateFields';
import { RegionField } from '../../fields/NameFields';
import { VocabularyField } from '../../fields/VocabularyField';
import type { KpmFixRecord, KpmRecord } from '../../types';
import { KpmStatusText } from './KpmList';
import { ProposeKpmFixButton } from './KpmFixDialog';
import { ACTIONS } from '../../../../domain/access';

const proposes = (role: string | null | undefined) => !!role && (ACTIONS['sembako.kpm_fix_propose'] as readonly string[]).includes(role);

const Actions = () => {
  const kpm = useRecordContext<KpmRecord>();
  const { permissions: role } = usePermissions<string | null>();
  return <TopToolbar>{kpm && proposes(role) && <ProposeKpmFixButton kpm={kpm} />}</TopToolbar>;
};

const Status = () => {
  const kpm = useRecordContext<KpmRecord>();
  return kpm ? <KpmStatusText kpm={kpm} /> : null;
};

const FixColumn = DataTable.Col<KpmFixRecord>;

export const KpmShow = () => {
  const translate = useTranslate();
  return (
    <Show<KpmRecord> actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="pengurusName" />
        <TextField source="idKpm" />
        <TextField source="pengurusNik" />
        <TextField source="kkNumber" />
        <TextField source="kksNumber" emptyText="-" />
        <RegionField source="desaCode" />
        <RegionField source="kecamatanCode" />
        <VocabularyField source="channel" prefix="kesos.sembako.channel" />
        <TextField source="bank" emptyText="-" />
        <VocabularyField source="pkhStatus" prefix="kesos.sembako.pkh_status" />
        <Labeled label="resources.sembako-kpm.fields.status">
          <Status />
        </Labeled>
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('kesos.sembako.fix.of_kpm')}
        </Typography>
        <ReferenceManyField<KpmRecord, KpmFixRecord> reference="sembako-kpm-fixes" target="kpmId" sort={{ field: 'proposedAt', order: 'DESC' }}>
          <DataTable<KpmFixRecord> bulkActionButtons={false} rowClick={false} empty={<Stack sx={{ py: 1 }}>{translate('kesos.sembako.fix.none')}</Stack>}>
            <FixColumn source="proposedAt">
              <DateTimeField source="proposedAt" />
            </FixColumn>
            <FixColumn source="kind">
              <VocabularyField source="kind" prefix="kesos.sembako.fix.kind" />
            </FixColumn>
            <FixColumn source="status">
              <VocabularyField source="status" prefix="kesos.sembako.fix.status" />
            </FixColumn>
            <FixColumn source="reason" disableSort />
            <FixColumn source="rejectReason" disableSort />
          </DataTable>
        </ReferenceManyField>
      </Box>
    </Show>
  );
};
