// One PSKS entry (GET /api/psks/:id): what it is, where, who to call, and the referrals (rujukan)
// it received with whether each was answered.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Labeled, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { PersonName, RegionField, YesNoField } from '../fields/NameFields';
import type { PsksRecord } from '../types';
import { usePsksTypes } from './usePsksTypes';

const TypeName = () => {
  const record = useRecordContext<PsksRecord>();
  const { nameOf } = usePsksTypes();
  return <Typography variant="body2">{record ? nameOf(record.typeCode) : ''}</Typography>;
};

const Referrals = () => {
  const record = useRecordContext<PsksRecord>();
  const translate = useTranslate();
  const referrals = record?.referrals ?? [];
  if (!referrals.length) return <Typography variant="body2">{translate('kesos.psks.no_referrals')}</Typography>;
  return (
    <Table size="small" data-testid="psks-referrals">
      <TableHead>
        <TableRow>
          <TableCell>{translate('kesos.psks.referral_date')}</TableCell>
          <TableCell>{translate('kesos.psks.referral_case')}</TableCell>
          <TableCell>{translate('kesos.psks.referral_by')}</TableCell>
          <TableCell>{translate('kesos.psks.referral_status')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {referrals.map((r) => (
          <TableRow key={r.referralId}>
            <TableCell>{r.createdAt.slice(0, 10)}</TableCell>
            <TableCell>
              <Link to={`/cases/${r.caseId}/show`}>{translate('kesos.psks.open_case')}</Link>
            </TableCell>
            <TableCell>
              <PersonName id={r.requestedBy} />
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                color={r.answered ? 'success' : 'warning'}
                variant="outlined"
                label={`${translate(`kesos.referral_status.${r.status}`)} · ${translate(r.answered ? 'kesos.psks.answered' : 'kesos.psks.not_answered')}`}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const PsksShow = () => {
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <Labeled label="resources.psks.fields.typeCode">
          <TypeName />
        </Labeled>
        <RegionField source="desaCode" />
        <TextField source="serviceArea" />
        <TextField source="address" emptyText="—" />
        <TextField source="contactName" emptyText="—" />
        <TextField source="contactPhone" emptyText="—" />
        <TextField source="capacity" emptyText="—" />
        <TextField source="services" emptyText="—" />
        <TextField source="registrationNumber" emptyText="—" />
        <TextField source="accreditation" emptyText="—" />
        <YesNoField source="active" />
        <Labeled label={translate('kesos.psks.referrals')} fullWidth>
          <Referrals />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
};
