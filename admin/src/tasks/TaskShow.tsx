import { DateField, ReferenceField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { JsonField } from '../fields/JsonField';
import { DueField, TaskStatusField } from '../fields/TaskStatusField';
import { VocabularyField } from '../fields/VocabularyField';
import { DATE_LOCALE, DATE_TIME_OPTIONS, type TaskRecord } from '../vocabulary';
import { CompleteTaskForm } from './CompleteTaskForm';

const TaskTitle = () => {
  const record = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <span>{translate(`kesos.task_type.${record.type}`, { _: record.type })}</span>;
};

export const TaskShow = () => (
  <Show<TaskRecord> title={<TaskTitle />}>
    <SimpleShowLayout>
      <VocabularyField source="type" prefix="kesos.task_type" />
      <TaskStatusField source="status" />
      <ReferenceField source="caseId" reference="cases" link="show" emptyText="—" />
      <VocabularyField source="candidateRole" prefix="kesos.role" />
      <TextField source="regionCode" emptyText="—" />
      <DateField source="createdAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
      <DueField source="dueAt">
        <DateField source="dueAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} emptyText="—" />
      </DueField>
      <JsonField source="context" />
      <VocabularyField source="outcome" prefix="kesos.outcome" />
      <DateField source="completedAt" locales={DATE_LOCALE} showTime options={DATE_TIME_OPTIONS} />
      <TextField source="actorId" />
      <JsonField source="data" />
    </SimpleShowLayout>
    <CompleteTaskForm />
  </Show>
);
