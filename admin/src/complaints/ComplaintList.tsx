// Sembako complaints of the caller's region (GET /api/complaints): a board with a column per
// status (cards with the number, category, kecamatan, age, an overdue mark and the answerer),
// or a plain list; both filtered by category, status, channel and kecamatan. The overdue mark
// comes from the region's open overdue tasks (GET /api/tasks) matched by workflow id.
import { Box, Card, CardActionArea, CardContent, Chip, Stack, ToggleButton, ToggleButtonGroup, Typography, useMediaQuery, type Theme } from '@mui/material';
import BoardIcon from '@mui/icons-material/ViewKanban';
import ListIcon from '@mui/icons-material/ViewList';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useCreatePath,
  useGetList,
  useListContext,
  usePermissions,
  useStore,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ACTIONS } from '../../../domain/access';
import type { Role } from '../../../domain/roles';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '../../../domain/sembako';
import { RegionField, RegionName } from '../fields/NameFields';
import { VocabularyField } from '../fields/VocabularyField';
import type { ComplaintRecord, RegionRecord, TaskRecord } from '../types';
import { choices } from '../vocabulary';
import { ageInDays, complaintNumber } from './format';

const Column = DataTable.Col<ComplaintRecord>;
type View = 'board' | 'list';

const complaintFilters = [
  <SelectInput key="status" source="status" choices={choices(COMPLAINT_STATUSES, 'kesos.complaint_status')} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="category" source="category" choices={choices(COMPLAINT_CATEGORIES, 'kesos.complaint_category')} sx={{ minWidth: 200 }} />,
  <SelectInput key="channel" source="channel" choices={choices(COMPLAINT_CHANNELS, 'kesos.complaint_channel')} sx={{ minWidth: 200 }} />,
  <ReferenceInput
    key="kecamatanCode"
    source="kecamatanCode"
    reference="regions"
    filter={{ level: 'kecamatan', current: true }}
    sort={{ field: 'name', order: 'ASC' }}
  >
    <AutocompleteInput
      optionText={(r: RegionRecord) => `${r.name} (${r.id})`}
      filterToQuery={(q: string) => (q.trim().length >= 2 ? { q: q.trim() } : {})}
      sx={{ minWidth: 240 }}
      helperText={false}
    />
  </ReferenceInput>,
];

const mayCreate = (role: Role | null | undefined) => !!role && (ACTIONS['complaint.create'] as readonly Role[]).includes(role);

const ViewToggle = ({ view, setView }: { view: View; setView: (v: View) => void }) => {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, v: View | null) => v && setView(v)} aria-label={translate('kesos.complaints.view')}>
      <ToggleButton value="board" aria-label={translate('kesos.complaints.board')} data-testid="view-board">
        <BoardIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('kesos.complaints.board')}
      </ToggleButton>
      <ToggleButton value="list" aria-label={translate('kesos.complaints.list')} data-testid="view-list">
        <ListIcon fontSize="small" sx={{ mr: 0.5 }} />
        {translate('kesos.complaints.list')}
      </ToggleButton>
    </ToggleButtonGroup>
  );
};

const ComplaintActions = ({ view, setView }: { view: View; setView: (v: View) => void }) => {
  const { permissions: role } = usePermissions<Role | null>();
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      <ViewToggle view={view} setView={setView} />
      <FilterButton />
      {mayCreate(role) && <CreateButton label="kesos.complaints.create" variant="contained" data-testid="complaint-create" />}
    </TopToolbar>
  );
};

/** Workflow ids of complaints with an overdue open step. */
function useOverdueWorkflows(): Set<string> {
  const { data } = useGetList<TaskRecord>('tasks', { filter: { status: 'open', overdue: true }, pagination: { page: 1, perPage: 200 } }, { staleTime: 60_000 });
  return new Set((data ?? []).map((t) => t.workflowId));
}

const ComplaintCard = ({ complaint, overdue }: { complaint: ComplaintRecord; overdue: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const age = ageInDays(complaint.receivedOn);
  return (
    <Card variant="outlined" data-testid="complaint-card" data-id={complaint.id} component="li">
      <CardActionArea component={Link} to={createPath({ resource: 'complaints', type: 'show', id: complaint.id })}>
        <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
            <Typography variant="subtitle2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {complaintNumber(complaint.id)}
            </Typography>
            {overdue && <Chip size="small" color="error" label={translate('kesos.complaints.overdue')} data-testid="complaint-overdue" />}
          </Stack>
          <Typography variant="body2">{translate(`kesos.complaint_category.${complaint.category}`, { _: complaint.category })}</Typography>
          <Typography variant="body2">
            <RegionName code={complaint.kecamatanCode} /> · {translate('kesos.complaints.age', { smart_count: age })}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="complaint-answerer">
            {complaint.answerer
              ? `${translate(`kesos.complaint_answerer.${complaint.answerer.type}`, { _: complaint.answerer.type })}: ${complaint.answerer.name}`
              : translate('kesos.complaints.no_answerer')}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** A column per status, in the order a complaint moves; one under another on a phone. */
const Board = () => {
  const { data, isPending } = useListContext<ComplaintRecord>();
  const translate = useTranslate();
  const overdue = useOverdueWorkflows();
  if (isPending) return null;
  return (
    <Box
      data-testid="complaint-board"
      sx={{
        display: 'grid',
        gap: 1.5,
        p: { xs: 1, sm: 0 },
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', md: 'repeat(3, minmax(0, 1fr))', xl: 'repeat(6, minmax(0, 1fr))' },
      }}
    >
      {COMPLAINT_STATUSES.map((status) => {
        const cards = (data ?? []).filter((c) => c.status === status);
        const title = translate(`kesos.complaint_status.${status}`, { _: status });
        return (
          <Box
            key={status}
            component="section"
            data-testid={`board-column-${status}`}
            aria-label={title}
            sx={{ bgcolor: 'action.hover', borderRadius: 1, p: 1, minWidth: 0 }}
          >
            <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
              {title} ({cards.length})
            </Typography>
            {cards.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('kesos.complaints.empty_column')}
              </Typography>
            ) : (
              <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }}>
                {cards.map((c) => (
                  <ComplaintCard key={c.id} complaint={c} overdue={c.overdue ?? overdue.has(c.workflowId)} />
                ))}
              </Stack>
            )}
          </Box>
        );
      })}
    </Box>
  );
};

const PlainList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  if (isSmall)
    return (
      <SimpleList<ComplaintRecord>
        linkType="show"
        primaryText={(c) => `${complaintNumber(c.id)} · ${translate(`kesos.complaint_category.${c.category}`, { _: c.category })}`}
        secondaryText={(c) => translate(`kesos.complaint_status.${c.status}`, { _: c.status })}
        tertiaryText={(c) => translate('kesos.complaints.age', { smart_count: ageInDays(c.receivedOn) })}
      />
    );
  return (
    <DataTable<ComplaintRecord> rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>{translate('kesos.complaints.empty')}</Box>}>
      <Column source="id" disableSort render={(c) => complaintNumber(c.id)} />
      <Column source="receivedOn" disableSort />
      <Column source="status">
        <VocabularyField source="status" prefix="kesos.complaint_status" />
      </Column>
      <Column source="category">
        <VocabularyField source="category" prefix="kesos.complaint_category" />
      </Column>
      <Column source="channel" disableSort>
        <VocabularyField source="channel" prefix="kesos.complaint_channel" />
      </Column>
      <Column source="kecamatanCode" disableSort>
        <RegionField source="kecamatanCode" />
      </Column>
      <Column
        source="answerer"
        disableSort
        render={(c) => (c.answerer ? `${translate(`kesos.complaint_answerer.${c.answerer.type}`, { _: c.answerer.type })}: ${c.answerer.name}` : '—')}
      />
    </DataTable>
  );
};

export const ComplaintList = () => {
  const [view, setView] = useStore<View>('complaints.view', 'board');
  return (
    <List<ComplaintRecord>
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={complaintFilters}
      actions={<ComplaintActions view={view} setView={setView} />}
      exporter={false}
      empty={false}
      perPage={view === 'board' ? 100 : 25}
      pagination={view === 'board' ? false : undefined}
    >
      {view === 'board' ? <Board /> : <PlainList />}
    </List>
  );
};
