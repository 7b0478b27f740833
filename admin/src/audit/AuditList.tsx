// The tamper-evident audit log (GET /api/audit, simple-rest): filter, verify the hash chain
// (GET /api/audit/verify) and export the filtered rows as CSV (GET /api/audit/export.csv).
import { useState } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, useMediaQuery, type Theme } from '@mui/material';
import VerifyIcon from '@mui/icons-material/VerifiedUser';
import { DataTable, FilterButton, List, SimpleList, TextField, TextInput, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ExportCsvButton } from '../common/ExportCsvButton';
import type { KesosDataProvider } from '../dataProvider';
import type { AuditRecord, ChainVerification } from '../types';
import { DateTimeField } from '../fields/DateFields';
import { JsonField } from '../fields/JsonField';
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

/** The case id, shortened, linked to the case page (the admin sees no cases: text only). */
const CaseLink = () => {
  const record = useRecordContext<AuditRecord>();
  if (!record?.caseId) return <span>—</span>;
  const short = `${record.caseId.slice(0, 8)}…`;
  if (getUser()?.role === 'admin') return <span title={record.caseId}>{short}</span>;
  return (
    <Link to={`/cases/${record.caseId}/show`} title={record.caseId} onClick={(e) => e.stopPropagation()}>
      {short}
    </Link>
  );
};

export const AuditList = () => {
  const [result, setResult] = useState<ChainVerification | null>(null);
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
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
          <ExportCsvButton fetchCsv={dataProvider.exportAuditCsv} fileName="audit" label="kesos.audit.export" help="kesos.audit.export_help" />
        </TopToolbar>
      }
      empty={
        <Box sx={{ p: 3 }}>
          <Alert severity="info">{translate('kesos.audit.empty')}</Alert>
        </Box>
      }
    >
      <VerificationResult result={result} />
      {isSmall ? (
        <SimpleList<AuditRecord>
          linkType={false}
          primaryText={(r) => `#${r.seq} ${r.action}`}
          secondaryText={(r) => `${r.actorId ?? 'system'} · ${formatDateTime(r.at)}`}
        />
      ) : (
        <DataTable<AuditRecord> bulkActionButtons={false} rowClick={false} expand={<JsonField source="details" />}>
          <Column source="seq" />
          <Column source="at">
            <DateTimeField source="at" />
          </Column>
          <Column source="actorId" disableSort />
          <Column source="actorRole" disableSort />
          <Column source="action" disableSort />
          <Column source="entityType" disableSort />
          <Column source="caseId" disableSort>
            <CaseLink />
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
