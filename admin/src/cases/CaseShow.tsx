import {
  ArrayField,
  BooleanField,
  DataTable,
  DateField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CaseStatusField } from '../fields/CaseStatusField';
import { NikField } from '../fields/NikField';
import { TaskStatusField, DueField } from '../fields/TaskStatusField';
import { PmksField, VocabularyField } from '../fields/VocabularyField';
import { DATE_LOCALE, DATE_OPTIONS, DATE_TIME_OPTIONS, type CaseRecord, type TaskRecord } from '../vocabulary';

const CaseTitle = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const who = record?.beneficiary?.name ?? record?.beneficiary?.nik ?? '';
  return <span>{`${translate('resources.cases.name', { smart_count: 1 })} ${who}`}</span>;
};

const TaskColumn = DataTable.Col<TaskRecord>;

/** The case's tasks (GET /api/cases/:id embeds them); `label={false}`: the tab already names them. */
const CaseTasks = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="tasks" sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable<TaskRecord>
        resource="tasks"
        rowClick="show"
        bulkActionButtons={false}
        empty={<span>{translate('kesos.cases.no_tasks')}</span>}
      >
        <TaskColumn source="type">
          <VocabularyField source="type" prefix="kesos.task_type" />
        </TaskColumn>
        <TaskColumn source="status">
          <TaskStatusField source="status" />
        </TaskColumn>
        <TaskColumn source="outcome">
          <VocabularyField source="outcome" prefix="kesos.outcome" />
        </TaskColumn>
        <TaskColumn source="createdAt">
          <DateField source="createdAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
        </TaskColumn>
        <TaskColumn source="dueAt">
          <DueField>
            <DateField source="dueAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
          </DueField>
        </TaskColumn>
      </DataTable>
    </ArrayField>
  );
};

export const CaseShow = () => (
  <Show<CaseRecord> title={<CaseTitle />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="kesos.cases.section.case">
        <CaseStatusField source="status" />
        <VocabularyField source="step" prefix="kesos.task_type" />
        <PmksField source="pmksCode" showName />
        <TextField source="summary" sx={{ whiteSpace: 'pre-line' }} />
        <BooleanField source="paused" />
        <BooleanField source="overdue" />
        <VocabularyField source="closedReason" prefix="kesos.closure_reason" />
        <TextField source="desaCode" />
        <TextField source="kecamatanCode" />
        <TextField source="kabupatenCode" />
        <TextField source="assigneeId" />
        <TextField source="registeredBy" />
        <DateField source="createdAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
        <DateField source="updatedAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
        <TextField source="workflowId" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="kesos.cases.section.beneficiary" path="beneficiary">
        <TextField source="beneficiary.name" />
        <NikField source="beneficiary.nik" full />
        <DateField source="beneficiary.birthDate" locales={DATE_LOCALE} options={DATE_OPTIONS} />
        <VocabularyField source="beneficiary.sex" prefix="kesos.sex" />
        <TextField source="beneficiary.address" />
        <VocabularyField source="consent.basis" prefix="kesos.consent_basis" />
        <TextField source="consent.givenBy" />
        <TextField source="consent.relationship" />
        <TextField source="consent.note" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="kesos.cases.section.tasks" path="tasks">
        <CaseTasks label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
