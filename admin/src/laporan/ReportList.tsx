// TKSK monthly reports (GET /api/monthly-reports): a TKSK's own, a supervisor's region's; filtered
// by status. A TKSK opens this or last month's report here (POST /api/monthly-reports); the
// monthly Schedule opens the rest.
import { useMediaQuery, type Theme } from '@mui/material';
import AddIcon from '@mui/icons-material/NoteAdd';
import { Button, DataTable, List, SelectInput, SimpleList, TopToolbar, useNotify, usePermissions, useRedirect, useTranslate } from 'react-admin';
import { MONTHLY_REPORT_STATUSES } from '../../../domain/koordinasi';
import type { Role } from '../../../domain/roles';
import { currentPeriod } from '../../../domain/taliAsih';
import { httpClient } from '../dataProvider';
import { PersonField, PersonName, RegionField } from '../fields/NameFields';
import { VocabularyField } from '../fields/VocabularyField';
import type { MonthlyReportRecord } from '../types';
import { choices } from '../vocabulary';

const Column = DataTable.Col<MonthlyReportRecord>;
const filters = [
  <SelectInput key="status" source="status" choices={choices(MONTHLY_REPORT_STATUSES, 'kesos.monthly_report_status')} alwaysOn sx={{ minWidth: 180 }} />,
];

/** A TKSK opens the current month's report (the server refuses a second one with 409). */
const OpenReport = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const open = async () => {
    try {
      const { json } = await httpClient('/api/monthly-reports', { method: 'POST', body: JSON.stringify({ period: currentPeriod() }) });
      redirect('show', 'monthly-reports', (json as { id: string }).id);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return <Button label="kesos.monthly_reports.open" onClick={() => void open()} startIcon={<AddIcon />} data-testid="open-monthly-report" />;
};

export const ReportList = () => {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((t) => t.breakpoints.down('sm'));
  const { permissions: role } = usePermissions<Role | null>();
  return (
    <List
      resource="monthly-reports"
      filters={filters}
      actions={<TopToolbar>{role === 'tksk' && <OpenReport />}</TopToolbar>}
      sort={{ field: 'period', order: 'DESC' }}
      title="kesos.menu.monthly_reports"
    >
      {phone ? (
        <SimpleList<MonthlyReportRecord>
          primaryText={(r) => r.period}
          secondaryText={(r) => <PersonName id={r.tkskId} />}
          tertiaryText={(r) => translate(`kesos.monthly_report_status.${r.status}`)}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="period" />
          <Column source="tkskId" disableSort field={() => <PersonField source="tkskId" />} />
          <Column source="kecamatanCode" disableSort field={() => <RegionField source="kecamatanCode" />} />
          <Column source="status" field={() => <VocabularyField source="status" prefix="kesos.monthly_report_status" />} />
          <Column
            source="counts"
            disableSort
            render={(r) =>
              translate('kesos.monthly_reports.summary', { cases: r.counts.casesRegistered, visits: r.counts.visits, meetings: r.counts.meetings })
            }
          />
        </DataTable>
      )}
    </List>
  );
};
