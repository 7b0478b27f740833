import { Alert, Box, Button, Typography, useMediaQuery, type Theme } from '@mui/material';
import AddIcon from '@mui/icons-material/PersonAddAlt1';
import { Link } from 'react-router-dom';
import { ExportSpreadsheetButtons } from '../common/ExportSpreadsheetButtons';
import { DataTable, List, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { CaseStatusField } from '../fields/StatusField';
import { CASE_STATUSES } from '../../../domain/case';
import { maskNik } from '../../../domain/nik';
import { isSupervisor } from '../../../domain/roles';
import { DayField } from '../fields/DateFields';
import { NikField } from '../fields/NikField';
import { PersonField, RegionField } from '../fields/NameFields';
import { PmksField, StepField } from '../fields/VocabularyField';
import { getUser } from '../session';
import { DATE_LOCALE, DATE_OPTIONS } from '../format';
import type { CaseRecord } from '../types';
import { choices } from '../vocabulary';
import { BulkReassignButton } from './Reassign';
import { usePmksChoices } from './usePmksChoices';

const Column = DataTable.Col<CaseRecord>;

/** No case yet: say where cases come from. */
const CasesEmpty = () => {
  const translate = useTranslate();
  const tksk = getUser()?.role === 'tksk';
  return (
    <Box sx={{ p: 3 }} data-testid="cases-empty">
      <Alert severity="info">
        <Typography variant="subtitle2">{translate('kesos.cases.empty.title')}</Typography>
        {translate(tksk ? 'kesos.cases.empty.tksk' : 'kesos.cases.empty.other')}
      </Alert>
      {tksk && (
        <Button component={Link} to="/cases/create" variant="contained" startIcon={<AddIcon />} sx={{ mt: 2 }}>
          {translate('kesos.cases.register')}
        </Button>
      )}
    </Box>
  );
};

export const CaseList = () => {
  const pmksChoices = usePmksChoices();
  const translate = useTranslate();
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const role = getUser()?.role;
  const tksk = role === 'tksk';
  const filters = [
    <SelectInput key="status" source="status" choices={choices(CASE_STATUSES, 'kesos.case_status')} alwaysOn sx={{ minWidth: 180 }} />,
    <SelectInput key="pmksCode" source="pmksCode" choices={pmksChoices} translateChoice={false} alwaysOn sx={{ minWidth: 200 }} />,
  ];
  return (
    <List<CaseRecord>
      title={tksk ? 'kesos.menu.my_cases' : undefined}
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        isSupervisor(role) ? (
          <TopToolbar>
            <BulkReassignButton />
            <ExportSpreadsheetButtons what="cases" fileName="kasus" />
          </TopToolbar>
        ) : undefined
      }
      exporter={false}
      empty={<CasesEmpty />}
    >
      {isSmall ? (
        <SimpleList<CaseRecord>
          data-testid="case-list-mobile"
          linkType="show"
          primaryText={(c) => c.beneficiary?.name ?? (c.beneficiary?.nik ? maskNik(c.beneficiary.nik) : '')}
          secondaryText={(c) =>
            `${c.pmksCode} — ${translate(`kesos.pmks.${c.pmksCode}`, { _: c.pmksCode })} · ${translate(`kesos.case_status.${c.status}`, { _: c.status })}${c.paused ? ` · ${translate('kesos.lifecycle.paused')}` : ''}`
          }
          tertiaryText={(c) => new Date(c.createdAt).toLocaleDateString(DATE_LOCALE, DATE_OPTIONS)}
        />
      ) : (
        <DataTable<CaseRecord> rowClick="show" bulkActionButtons={false}>
          <Column source="createdAt">
            <DayField source="createdAt" />
          </Column>
          <Column source="beneficiary.name" disableSort />
          <Column source="beneficiary.nik" disableSort>
            <NikField source="beneficiary.nik" />
          </Column>
          <Column source="pmksCode">
            <PmksField source="pmksCode" showName />
          </Column>
          <Column source="kecamatanCode">
            <RegionField source="kecamatanCode" />
          </Column>
          <Column source="assigneeId" disableSort>
            <PersonField source="assigneeId" />
          </Column>
          <Column source="status">
            <CaseStatusField source="status" />
          </Column>
          <Column source="step" disableSort>
            <StepField source="step" />
          </Column>
        </DataTable>
      )}
    </List>
  );
};
