// Distribution periods of the caller's region (GET /api/sembako/periods): kecamatan by name, the
// month in words, the step it is at, its points, and realisation and open complaints when the
// API reports them.
import { Box, useMediaQuery, type Theme } from '@mui/material';
import { CreateButton, DataTable, List, SelectInput, SimpleList, TopToolbar, useLocale, usePermissions, useTranslate } from 'react-admin';
import { RegionField, RegionName } from '../../fields/NameFields';
import { VocabularyField } from '../../fields/VocabularyField';
import type { SembakoPeriodRecord } from '../../types';
import { choices } from '../../vocabulary';
import { periodLabel, realisationLabel } from '../format';
import { SEMBAKO_PERIOD_STATUSES } from '../../../../domain/sembako';

const Column = DataTable.Col<SembakoPeriodRecord>;

const periodFilters = [
  <SelectInput key="status" source="status" choices={choices(SEMBAKO_PERIOD_STATUSES, 'kesos.sembako.period_status')} alwaysOn sx={{ minWidth: 200 }} />,
];

export const opensPeriods = (role: string | null | undefined) => role === 'tksk' || role === 'supervisor_kabupaten';

const PeriodActions = () => {
  const { permissions: role } = usePermissions<string | null>();
  return <TopToolbar>{opensPeriods(role) && <CreateButton label="kesos.sembako.periods.create" variant="contained" data-testid="period-create" />}</TopToolbar>;
};

export const PeriodList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <List<SembakoPeriodRecord>
      title="kesos.sembako.periods.title"
      sort={{ field: 'period', order: 'DESC' }}
      filters={periodFilters}
      actions={<PeriodActions />}
      exporter={false}
      empty={false}
    >
      {isSmall ? (
        <SimpleList<SembakoPeriodRecord>
          linkType="show"
          primaryText={(p) => periodLabel(p.period, locale)}
          secondaryText={(p) => <RegionName code={p.kecamatanCode} />}
          tertiaryText={(p) => translate(`kesos.sembako.period_status.${p.status}`, { _: p.status })}
        />
      ) : (
        <DataTable<SembakoPeriodRecord> rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>{translate('kesos.sembako.periods.empty')}</Box>}>
          <Column source="period" render={(p) => periodLabel(p.period, locale)} />
          <Column source="kecamatanCode" disableSort>
            <RegionField source="kecamatanCode" />
          </Column>
          <Column source="status" disableSort>
            <VocabularyField source="status" prefix="kesos.sembako.period_status" />
          </Column>
          <Column source="points" disableSort align="right" render={(p) => p.points?.length ?? 0} />
          <Column source="realisation" disableSort align="right" render={(p) => realisationLabel(p.realisation)} />
          <Column source="openComplaints" disableSort align="right" render={(p) => p.openComplaints ?? '—'} />
        </DataTable>
      )}
    </List>
  );
};
