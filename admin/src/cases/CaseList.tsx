import { DataTable, DateField, List, SelectInput } from 'react-admin';
import { CaseStatusField } from '../fields/CaseStatusField';
import { NikField } from '../fields/NikField';
import { PmksField, VocabularyField } from '../fields/VocabularyField';
import { CASE_STATUSES, choices, DATE_LOCALE, DATE_OPTIONS, type CaseRecord } from '../vocabulary';
import { usePmksChoices } from './usePmksChoices';

const Column = DataTable.Col<CaseRecord>;

export const CaseList = () => {
  const pmksChoices = usePmksChoices();
  const filters = [
    <SelectInput key="status" source="status" choices={choices(CASE_STATUSES, 'kesos.case_status')} alwaysOn sx={{ minWidth: 200 }} />,
    <SelectInput key="pmksCode" source="pmksCode" choices={pmksChoices} translateChoice={false} alwaysOn sx={{ minWidth: 200 }} />,
  ];
  return (
    <List<CaseRecord> sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable<CaseRecord> rowClick="show" bulkActionButtons={false}>
        <Column source="createdAt">
          <DateField source="createdAt" locales={DATE_LOCALE} options={DATE_OPTIONS} />
        </Column>
        <Column source="beneficiary.name" disableSort />
        <Column source="beneficiary.nik" disableSort>
          <NikField source="beneficiary.nik" />
        </Column>
        <Column source="pmksCode">
          <PmksField source="pmksCode" />
        </Column>
        <Column source="kecamatanCode" />
        <Column source="status">
          <CaseStatusField source="status" />
        </Column>
        <Column source="step" disableSort>
          <VocabularyField source="step" prefix="kesos.task_type" />
        </Column>
      </DataTable>
    </List>
  );
};
