import { BooleanInput, DataTable, DateField, List, ReferenceField, SelectInput } from 'react-admin';
import { DueField, TaskStatusField } from '../fields/TaskStatusField';
import { VocabularyField } from '../fields/VocabularyField';
import { choices, DATE_LOCALE, DATE_TIME_OPTIONS, TASK_STATUSES, TASK_TYPES, type TaskRecord } from '../vocabulary';

const Column = DataTable.Col<TaskRecord>;

const taskFilters = [
  <SelectInput key="status" source="status" choices={choices(TASK_STATUSES, 'kesos.task_status')} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="type" source="type" choices={choices(TASK_TYPES, 'kesos.task_type')} alwaysOn sx={{ minWidth: 200 }} />,
  <BooleanInput key="overdue" source="overdue" />,
];

/** "Tugas saya": the tasks the API lets the signed-in user see, open ones first by due date. */
export const TaskList = () => (
  <List<TaskRecord>
    title="kesos.tasks.my_tasks"
    sort={{ field: 'dueAt', order: 'ASC' }}
    filters={taskFilters}
    filterDefaultValues={{ status: 'open' }}
    exporter={false}
  >
    <DataTable<TaskRecord> rowClick="show" bulkActionButtons={false}>
      <Column source="type">
        <VocabularyField source="type" prefix="kesos.task_type" />
      </Column>
      <Column source="status">
        <TaskStatusField source="status" />
      </Column>
      <Column source="caseId" disableSort>
        <ReferenceField source="caseId" reference="cases" link="show" emptyText="—" />
      </Column>
      <Column source="createdAt">
        <DateField source="createdAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
      </Column>
      <Column source="dueAt">
        <DueField>
          <DateField source="dueAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
        </DueField>
      </Column>
    </DataTable>
  </List>
);
