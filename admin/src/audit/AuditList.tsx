// The tamper-evident audit log (GET /api/audit, simple-rest): filter, verify the hash chain
// (GET /api/audit/verify) and export the filtered rows as CSV (GET /api/audit/export.csv).
import { Fragment, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import VerifyIcon from '@mui/icons-material/VerifiedUser';
import { DataTable, FilterButton, List, SimpleList, TextField, TextInput, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ExportSpreadsheetButtons } from '../common/ExportSpreadsheetButtons';
import type { KesosDataProvider } from '../dataProvider';
import type { AuditRecord, ChainVerification } from '../types';
import { DateTimeField } from '../fields/DateFields';
import { getUser } from '../session';
import { formatDateTime } from '../format';
import { useAction } from '../common/useAction';

const uuid = (value: unknown) =>
  value && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(value).trim()) ? 'kesos.audit.invalid_case_id' : undefined;

const auditFilters = [
  <TextInput key="caseId" source="caseId" alwaysOn validate={uuid} helperText={false} />,
  <TextInput key="action" source="action" alwaysOn helperText={false} />,
  <TextInput key="actorId" source="actorId" helperText={false} />,
  <TextInput key="entityType" source="entityType" helperText={false} />,
];

/** GET /api/audit/verify, then the verdict beside the button. */
const VerifyChainButton = ({ onResult }: { onResult: (r: ChainVerification | null) => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { busy, run } = useAction({ refresh: false });
  const canVerify = ['auditor', 'admin'].includes(getUser()?.role ?? '');
  if (!canVerify) return null;
  const verify = () => {
    onResult(null);
    return run(async () => onResult((await dataProvider.verifyAudit()).data));
  };
  return (
    <Button size="small" onClick={verify} disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <VerifyIcon />} data-testid="verify-chain">
      {translate('kesos.audit.verify')}
    </Button>
  );
};

const VerificationResult = ({ result }: { result: ChainVerification | null }) => {
  const translate = useTranslate();
  if (!result) return null;
  return result.ok ? (
    <Alert severity="success" data-testid="chain-result" data-ok="true" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }}>
      {translate('kesos.audit.chain_ok', { rows: result.rows, at: formatDateTime(result.verifiedAt) })}{' '}
      {result.anchors && (
        <span data-testid="chain-anchors">
          {result.anchors.latestAt
            ? translate('kesos.audit.anchors', { checked: result.anchors.checked, at: formatDateTime(result.anchors.latestAt) })
            : translate('kesos.audit.anchors_none')}
        </span>
      )}
    </Alert>
  ) : !result.firstBroken && result.texts?.firstBroken ? (
    <Alert severity="error" data-testid="chain-result" data-ok="false" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }}>
      {translate('kesos.audit.texts_broken', { event: result.texts.firstBroken.eventKey, rows: result.texts.rows })}
    </Alert>
  ) : (
    <Alert severity="error" data-testid="chain-result" data-ok="false" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }}>
      {translate('kesos.audit.chain_broken', {
        seq: result.firstBroken?.seq ?? '?',
        reason: translate(`kesos.audit.broken_reason.${result.firstBroken?.reason ?? 'hash'}`, { _: result.firstBroken?.reason ?? '' }),
        rows: result.rows,
      })}
    </Alert>
  );
};

const Column = DataTable.Col<AuditRecord>;

/** camelCase or snake_case key → "Camel case" (details' keys without a word of their own). */
const humanize = (key: string) => {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The action in words: its own label, else "<entity> · <verb>" (actions named by entity and verb, db/audit.ts). */
export function useActionWords() {
  const translate = useTranslate();
  return (action: string) => {
    const own = translate(`kesos.audit_action.${action}`, { _: '' });
    if (own) return own;
    const [entity, ...verb] = action.split('.');
    return `${translate(`kesos.audit_entity.${entity}`, { _: humanize(entity) })} · ${humanize(verb.join(' '))}`;
  };
}

const ActionField = () => {
  const record = useRecordContext<AuditRecord>();
  const words = useActionWords();
  if (!record) return null;
  return <span title={record.action}>{words(record.action)}</span>;
};

/** Who: the name (the id when the name is unknown), and the role in words. */
const ActorField = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.actorId) return <span>{translate('kesos.audit.system')}</span>;
  return (
    <Stack component="span">
      <span title={record.actorId}>{record.actorName ?? record.actorId}</span>
      {record.actorRole && record.actorRole !== 'system' && (
        <Typography component="span" variant="caption" color="text.secondary">
          {translate(`kesos.role.${record.actorRole}`, { _: record.actorRole })}
        </Typography>
      )}
    </Stack>
  );
};

/** Where an entity is shown in the portal, for the roles that see that page. */
function entityPath(type: string, id: string): string | undefined {
  const role = getUser()?.role;
  if (role === 'admin') return type === 'user' ? `/users/${id}` : undefined;
  if (type === 'case') return `/cases/${id}/show`;
  if (type === 'task') return `/tasks/${id}/show`;
  if (type === 'tali_asih_claim' && role !== 'tksk') return `/claims/${id}/show`;
  return undefined;
}

/** The entity in words ("Tugas 1a2b3c4d…") linked to its page; the case beside it when the row is about one of its parts. */
const EntityField = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const word = translate(`kesos.audit_entity.${record.entityType}`, { _: humanize(record.entityType) });
  const short = record.entityId.length > 12 ? `${record.entityId.slice(0, 8)}…` : record.entityId;
  const to = entityPath(record.entityType, record.entityId);
  const caseTo = record.caseId && record.entityType !== 'case' ? entityPath('case', record.caseId) : undefined;
  return (
    <Stack component="span">
      {to ? (
        <Link to={to} title={record.entityId} onClick={(e) => e.stopPropagation()}>
          {`${word} ${short}`}
        </Link>
      ) : (
        <span title={record.entityId}>{`${word} ${short}`}</span>
      )}
      {caseTo && record.caseId && (
        <Link to={caseTo} title={record.caseId} onClick={(e) => e.stopPropagation()}>
          <Typography component="span" variant="caption">{`${translate('kesos.audit_entity.case')} ${record.caseId.slice(0, 8)}…`}</Typography>
        </Link>
      )}
    </Stack>
  );
};

const detailText = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join(', ') : JSON.stringify(value);
  return String(value);
};

/** The row's details as labelled fields (a definition list), not raw JSON. */
const DetailsField = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const entries = Object.entries(record?.details ?? {});
  if (!entries.length) return <Typography variant="body2">{translate('kesos.audit.details_none')}</Typography>;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, p: 1 }} data-testid="audit-details">
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
            {translate(`kesos.audit_detail.${key}`, { _: humanize(key) })}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
            {typeof value === 'boolean' ? translate(value ? 'ra.boolean.true' : 'ra.boolean.false') : detailText(value)}
          </Typography>
        </Fragment>
      ))}
    </Box>
  );
};

/**
 * The details behind a real button (react-admin's expand toggle is aria-hidden and out of the Tab
 * order: keyboard users could not open it).
 */
const DetailsToggle = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const id = `audit-details-${record.id}`;
  return (
    <Box>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="audit-details-toggle">
        {translate(open ? 'kesos.audit.details_hide' : 'kesos.audit.details_show')}
      </Button>
      {open && (
        <Box id={id}>
          <DetailsField />
        </Box>
      )}
    </Box>
  );
};

/** What the list leaves out, said above it (supervisors read only their region's case rows; api/audit/queries.ts). */
const ScopeNote = () => {
  const translate = useTranslate();
  const user = getUser();
  if (!user || user.role === 'auditor' || user.role === 'admin') return null;
  return (
    <Alert severity="info" sx={{ mx: { xs: 1, sm: 0 }, mb: 1 }} data-testid="audit-scope">
      {translate('kesos.audit.scope_supervisor')}
    </Alert>
  );
};

export const AuditList = () => {
  const [result, setResult] = useState<ChainVerification | null>(null);
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const actionWords = useActionWords();
  return (
    <List<AuditRecord>
      sort={{ field: 'seq', order: 'DESC' }}
      filters={auditFilters}
      exporter={false}
      aside={undefined}
      actions={
        <TopToolbar>
          <FilterButton />
          <VerifyChainButton onResult={setResult} />
          <ExportSpreadsheetButtons what="audit" fileName="log-audit" />
        </TopToolbar>
      }
      empty={
        <Box sx={{ p: 3 }}>
          <Alert severity="info">{translate('kesos.audit.empty')}</Alert>
        </Box>
      }
    >
      <ScopeNote />
      <VerificationResult result={result} />
      {isSmall ? (
        <SimpleList<AuditRecord>
          linkType={false}
          primaryText={(r) => `#${r.seq} ${actionWords(r.action)}`}
          secondaryText={(r) => `${r.actorId ? (r.actorName ?? r.actorId) : translate('kesos.audit.system')} · ${formatDateTime(r.at)}`}
        />
      ) : (
        <DataTable<AuditRecord> bulkActionButtons={false} rowClick={false}>
          <Column source="seq" />
          <Column source="at">
            <DateTimeField source="at" />
          </Column>
          <Column source="actorId" disableSort>
            <ActorField />
          </Column>
          <Column source="action" disableSort>
            <ActionField />
          </Column>
          <Column source="entityId" disableSort>
            <EntityField />
          </Column>
          <Column source="details" disableSort>
            <DetailsToggle />
          </Column>
          <Column source="hash" disableSort>
            <Stack component="span">
              <TextField
                source="hash"
                sx={{ fontFamily: 'monospace', fontSize: '0.75rem', maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}
              />
            </Stack>
          </Column>
        </DataTable>
      )}
    </List>
  );
};
