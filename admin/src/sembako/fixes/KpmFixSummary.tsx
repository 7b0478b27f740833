// On a sembako_kpm_fix_review task: what the reviewer decides on, read from the fix row (the
// task's context holds ids only): the KPM, the kind of fix, its kind-specific value (the corrected
// NIK, the destination, the duplicated KPM), the proposer's reason, and a link to the KPM.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { PersonName, RegionName } from '../../fields/NameFields';
import type { KpmFixRecord, TaskRecord } from '../../types';

const Line = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <Typography variant="body2" data-testid={testId}>
    <Box component="span" sx={{ color: 'text.secondary' }}>
      {label}:
    </Box>{' '}
    {children}
  </Typography>
);

export const KpmFixSummary = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const fixId = task?.type === 'sembako_kpm_fix_review' ? (task.context as { fixId?: string } | null)?.fixId : undefined;
  const { data: fix } = useGetOne<KpmFixRecord>('sembako-kpm-fixes', { id: fixId ?? '' }, { enabled: !!fixId });
  if (!fixId || !fix) return null;
  const field = (name: string) => translate(`resources.sembako-kpm-fixes.fields.${name}`);
  return (
    <Card variant="outlined" sx={{ mx: 2, mb: 2 }} data-testid="kpm-fix-summary">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
          {translate(`kesos.sembako.fix.kind.${fix.kind}`)}
        </Typography>
        <Line label={translate('resources.sembako-kpm.fields.pengurusName')}>
          <Link to={`/sembako-kpm/${fix.kpmId}/show`}>{fix.pengurusName ?? fix.idKpm}</Link> ({fix.idKpm})
        </Line>
        <Line label={translate('resources.sembako-kpm.fields.desaCode')}>
          <RegionName code={fix.desaCode} />, <RegionName code={fix.kecamatanCode} />
        </Line>
        {fix.correctedNik && (
          <Line label={translate('kesos.sembako.fix.corrected_nik')} testId="kpm-fix-nik">
            {fix.correctedNik}
          </Line>
        )}
        {fix.kind === 'pindah' && (
          <Line label={translate('kesos.sembako.fix.target_desa')}>
            {fix.targetDesaCode ? <RegionName code={fix.targetDesaCode} /> : translate('kesos.sembako.fix.move_away')}
          </Line>
        )}
        {fix.duplicateOf && (
          <Line label={translate('kesos.sembako.fix.duplicate_of')}>
            <Link to={`/sembako-kpm/${fix.duplicateOf}/show`}>{fix.duplicateIdKpm ?? fix.duplicateOf}</Link>
          </Line>
        )}
        <Line label={field('reason')}>{fix.reason}</Line>
        <Line label={field('proposedBy')}>
          <PersonName id={fix.proposedBy} />
        </Line>
      </CardContent>
    </Card>
  );
};
