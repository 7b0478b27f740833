import { Alert, Button, Stack } from '@mui/material';
import AuditIcon from '@mui/icons-material/Policy';
import { Link } from 'react-router-dom';
import { ArrayField, DataTable, Show, TabbedShowLayout, TabbedShowLayoutTabs, TextField, useRecordContext, useTranslate } from 'react-admin';
import { ShowHeading } from '../common/ShowParts';
import { getUser } from '../session';
import { HistoryViewer } from './HistoryViewer';
import { InterventionButtons, PendingInterventions } from './Interventions';
import { CaseNextStep } from '../tasks/NextStep';
import { Lifecycle } from './Lifecycle';
import { CaseTimeline } from './Timeline';
import { NikField } from '../fields/NikField';
import { PersonField, RegionField, YesNoField } from '../fields/NameFields';
import { DateTimeField, DayField } from '../fields/DateFields';
import { CaseStatusField, DueAtField, ReferralStatusField, TaskStatusField } from '../fields/StatusField';
import { PmksField, StepField, VocabularyField } from '../fields/VocabularyField';
import { isSupervisor } from '../../../domain/roles';
import type { CaseRecord, ReferralRecord, TaskRecord } from '../types';

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
      <DataTable<TaskRecord> resource="tasks" rowClick="show" bulkActionButtons={false} empty={<span>{translate('kesos.cases.no_tasks')}</span>}>
        <TaskColumn source="type">
          <VocabularyField source="type" prefix="kesos.task_type" />
        </TaskColumn>
        <TaskColumn source="status">
          <TaskStatusField source="status" />
        </TaskColumn>
        <TaskColumn source="outcome">
          <VocabularyField source="outcome" prefix="kesos.outcome" />
        </TaskColumn>
        <TaskColumn source="assigneeId">
          <PersonField source="assigneeId" />
        </TaskColumn>
        <TaskColumn source="createdAt">
          <DateTimeField source="createdAt" />
        </TaskColumn>
        <TaskColumn source="dueAt">
          <DueAtField />
        </TaskColumn>
      </DataTable>
    </ArrayField>
  );
};

const ReferralColumn = DataTable.Col<ReferralRecord>;

/** Referrals made from pendampingan visits (rujukan child workflows). */
const CaseReferrals = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="referrals">
      <DataTable<ReferralRecord>
        bulkActionButtons={false}
        rowClick={false}
        empty={<Alert severity="info">{translate('kesos.referrals.empty')}</Alert>}
        data-testid="referrals"
      >
        <ReferralColumn source="destinationType" label="kesos.field.destinationType">
          <VocabularyField source="destinationType" prefix="kesos.enum.destinationType" />
        </ReferralColumn>
        <ReferralColumn source="institutionName" label="kesos.field.institutionName" />
        <ReferralColumn source="reason" label="kesos.field.reason" />
        <ReferralColumn source="urgency" label="kesos.field.urgency">
          <VocabularyField source="urgency" prefix="kesos.enum.urgency" />
        </ReferralColumn>
        <ReferralColumn source="status" label="kesos.referrals.status">
          <ReferralStatusField />
        </ReferralColumn>
        <ReferralColumn source="createdAt" label="kesos.referrals.created">
          <DayField source="createdAt" />
        </ReferralColumn>
        <ReferralColumn source="closedAt" label="kesos.referrals.closed">
          <DayField source="closedAt" emptyText="—" />
        </ReferralColumn>
      </DataTable>
    </ArrayField>
  );
};

/** Name, status, the lifecycle diagram, interventions and four-eyes requests. */
const CaseHeader = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1.5} sx={{ p: 2, pb: 0 }}>
      <ShowHeading
        testId="case-heading"
        chips={
          <>
            <CaseStatusField source="status" />
            <PmksField source="pmksCode" showName />
          </>
        }
      >
        {record.beneficiary?.name ?? record.beneficiary?.nik ?? translate('resources.cases.name', { smart_count: 1 })}
      </ShowHeading>
      <Lifecycle />
      <CaseNextStep />
      <PendingInterventions />
      <InterventionButtons />
      <AuditTrailButton />
    </Stack>
  );
};

/** The audit list filtered to this case (GET /api/audit?filter={"caseId":…}), for those who read the audit trail. */
const AuditTrailButton = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record || !mayReadHistory()) return null;
  const filter = encodeURIComponent(JSON.stringify({ caseId: record.id }));
  return (
    <Button
      component={Link}
      to={`/audit?filter=${filter}`}
      size="small"
      variant="outlined"
      startIcon={<AuditIcon />}
      data-testid="case-audit-trail"
      sx={{ alignSelf: 'flex-start' }}
    >
      {translate('kesos.cases.audit_trail')}
    </Button>
  );
};

function mayReadHistory() {
  const role = getUser()?.role;
  return isSupervisor(role) || role === 'auditor';
}

export const CaseShow = () => {
  return (
    <Show<CaseRecord> title={<CaseTitle />}>
      <CaseHeader />
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
        <TabbedShowLayout.Tab label="kesos.cases.section.case">
          <CaseStatusField source="status" />
          <StepField source="step" />
          <PmksField source="pmksCode" showName />
          <TextField source="summary" sx={{ whiteSpace: 'pre-line' }} />
          <YesNoField source="paused" />
          <YesNoField source="overdue" />
          <VocabularyField source="closedReason" prefix="kesos.closure_reason" />
          <RegionField source="desaCode" />
          <RegionField source="kecamatanCode" />
          <RegionField source="kabupatenCode" />
          <PersonField source="assigneeId" />
          <PersonField source="registeredBy" />
          <DateTimeField source="createdAt" />
          <DateTimeField source="updatedAt" />
          <TextField source="workflowId" sx={{ wordBreak: 'break-all' }} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kesos.cases.section.beneficiary" path="beneficiary">
          <TextField source="beneficiary.name" />
          <NikField source="beneficiary.nik" full />
          <DayField source="beneficiary.birthDate" />
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
        <TabbedShowLayout.Tab label="kesos.cases.section.referrals" path="referrals">
          <CaseReferrals label={false} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="kesos.cases.section.timeline" path="timeline">
          <CaseTimeline label={false} />
        </TabbedShowLayout.Tab>
        {mayReadHistory() ? (
          <TabbedShowLayout.Tab label="kesos.cases.section.history" path="history">
            <HistoryViewer label={false} />
          </TabbedShowLayout.Tab>
        ) : null}
      </TabbedShowLayout>
    </Show>
  );
};
