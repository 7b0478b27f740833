// Stipend claims of the caller's region (GET /api/tali-asih/claims): by period, status and
// kabupaten/kota, with the filtered total in rupiah (X-Total-Amount) and the server's CSV.
import { Box, Card, CardContent, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { ExportSpreadsheetButtons } from '../common/ExportSpreadsheetButtons';
import { ClaimStatusField } from '../fields/StatusField';
import { formatRupiah, RupiahField } from '../fields/RupiahField';
import { RegionField } from '../fields/NameFields';
import { VocabularyField } from '../fields/VocabularyField';
import { opensClaims } from './roles';
import { CLAIM_STATUSES } from '../../../domain/taliAsih';
import type { ClaimRecord } from '../types';
import { choices } from '../vocabulary';

const Column = DataTable.Col<ClaimRecord>;

/** A period filter that only sends complete months (the API refuses anything but YYYY-MM). */
const month = (value: unknown) => (value && !/^\d{4}-(0[1-9]|1[0-2])$/.test(String(value)) ? 'kesos.claims.invalid_period' : undefined);

const claimFilters = [
  <TextInput key="period" source="period" type="month" alwaysOn validate={month} helperText={false} InputLabelProps={{ shrink: true }} />,
  <SelectInput key="status" source="status" choices={choices(CLAIM_STATUSES, 'kesos.claim_status')} alwaysOn sx={{ minWidth: 200 }} />,
  <TextInput key="kabupatenCode" source="kabupatenCode" helperText={false} />,
];

/** The total of every claim matching the filter (not only this page). */
const ClaimsTotal = () => {
  const { meta, total, isPending } = useListContext<ClaimRecord>();
  const translate = useTranslate();
  if (isPending) return null;
  return (
    <Card variant="outlined" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }} data-testid="claims-total">
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="body2" color="text.secondary">
          {translate('kesos.claims.total', { smart_count: total ?? 0 })}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid="claims-total-amount">
          {formatRupiah(meta?.totalAmount ?? '0')}
        </Typography>
      </CardContent>
    </Card>
  );
};

const ClaimActions = () => {
  const { permissions: role } = usePermissions<string | null>();
  return (
    <TopToolbar>
      {opensClaims(role ?? null) && <CreateButton label="kesos.stipend.create.button" variant="contained" data-testid="claim-create" />}
      <FilterButton />
      <ExportSpreadsheetButtons what="claims" fileName="tali-asih" />
    </TopToolbar>
  );
};

export const ClaimList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  return (
    <List<ClaimRecord> sort={{ field: 'period', order: 'DESC' }} filters={claimFilters} actions={<ClaimActions />} exporter={false} empty={false}>
      <ClaimsTotal />
      {isSmall ? (
        <SimpleList<ClaimRecord>
          linkType="show"
          primaryText={(c) => c.tkskName}
          secondaryText={(c) => `${c.period} · ${translate(`kesos.claim_status.${c.status}`, { _: c.status })}`}
          tertiaryText={(c) => formatRupiah(c.totalAmount)}
        />
      ) : (
        <DataTable<ClaimRecord> rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>{translate('kesos.claims.empty')}</Box>}>
          <Column source="period" />
          <Column source="tkskName" disableSort />
          <Column source="kecamatanCode" disableSort>
            <RegionField source="kecamatanCode" />
          </Column>
          <Column source="status">
            <ClaimStatusField source="status" />
          </Column>
          <Column source="fundingSource" disableSort>
            <VocabularyField source="fundingSource" prefix="kesos.funding_source" />
          </Column>
          <Column source="totalAmount" align="right">
            <RupiahField source="totalAmount" />
          </Column>
          <Column source="paidAmount" align="right" disableSort>
            <RupiahField source="paidAmount" />
          </Column>
        </DataTable>
      )}
    </List>
  );
};
