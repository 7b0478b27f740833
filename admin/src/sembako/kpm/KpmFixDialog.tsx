// "Ajukan perbaikan data": a TKSK of the KPM's kecamatan or the kabupaten supervisor proposes a fix
// (POST /api/sembako/kpm/:id/fixes) that the kabupaten operator then accepts or rejects. The form
// starts empty; the fields follow the kind: the destination (kecamatan, then desa, of the
// kabupaten; none for a move away), the NIK as Dukcapil holds it, or the KPM this one duplicates.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, useMediaQuery, type Theme } from '@mui/material';
import FixIcon from '@mui/icons-material/EditNote';
import { Form, minLength, ReferenceInput, regex, required, SelectInput, TextInput, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { SubmitButton } from '../../common/SubmitButton';
import { useDialogSubmit } from '../../common/useDialogSubmit';
import type { KesosDataProvider } from '../../dataProvider';
import type { KpmRecord } from '../../types';
import { choices } from '../../vocabulary';
import { KPM_FIX_KINDS, type KpmFixKind } from '../../../../domain/sembako';

/** Only the fields of the chosen kind go to the API (its schema refuses the others). */
export function kpmFixBody(values: Record<string, unknown>): Record<string, unknown> {
  const kind = values.kind as KpmFixKind;
  const text = (k: string) => (typeof values[k] === 'string' && (values[k] as string).trim() ? (values[k] as string).trim() : undefined);
  const body: Record<string, unknown> = { kind, reason: values.reason };
  if (kind === 'pindah' && text('targetDesaCode')) body.targetDesaCode = text('targetDesaCode');
  if (kind === 'nik_tidak_sesuai') body.correctedNik = text('correctedNik') ?? '';
  if (kind === 'ganda') body.duplicateOf = values.duplicateOf;
  return body;
}

const KindFields = ({ kpm }: { kpm: KpmRecord }) => {
  const kind = useWatch({ name: 'kind' }) as KpmFixKind | undefined;
  const kecamatan = useWatch({ name: 'targetKecamatanCode' }) as string | undefined;
  if (kind === 'pindah')
    return (
      <>
        <ReferenceInput
          source="targetKecamatanCode"
          reference="regions"
          filter={{ level: 'kecamatan', parentCode: kpm.kabupatenCode }}
          perPage={100}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <SelectInput optionText="name" label="kesos.sembako.fix.target_kecamatan" helperText="kesos.sembako.fix.target_help" fullWidth />
        </ReferenceInput>
        {kecamatan && (
          <ReferenceInput
            source="targetDesaCode"
            reference="regions"
            filter={{ level: 'desa', parentCode: kecamatan }}
            perPage={200}
            sort={{ field: 'name', order: 'ASC' }}
          >
            <SelectInput optionText="name" label="kesos.sembako.fix.target_desa" validate={required()} fullWidth />
          </ReferenceInput>
        )}
      </>
    );
  if (kind === 'nik_tidak_sesuai')
    return (
      <TextInput
        source="correctedNik"
        label="kesos.sembako.fix.corrected_nik"
        helperText="kesos.sembako.fix.corrected_nik_help"
        validate={[required(), regex(/^\d{16}$/, 'kesos.sembako.fix.nik_16')]}
        slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 16 } }}
        fullWidth
      />
    );
  if (kind === 'ganda')
    return (
      <ReferenceInput
        source="duplicateOf"
        reference="sembako-kpm"
        filter={{ kecamatanCode: kpm.kecamatanCode }}
        perPage={200}
        sort={{ field: 'idKpm', order: 'ASC' }}
      >
        <SelectInput
          optionText={(k: KpmRecord) => `${k.pengurusName ?? ''} (${k.idKpm})`}
          label="kesos.sembako.fix.duplicate_of"
          helperText="kesos.sembako.fix.duplicate_help"
          validate={required()}
          fullWidth
        />
      </ReferenceInput>
    );
  return null;
};

export const ProposeKpmFixButton = ({ kpm }: { kpm: KpmRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const submit = useDialogSubmit(async (values) => {
    await dataProvider.proposeKpmFix(kpm.id, kpmFixBody(values));
    notify('kesos.sembako.fix.proposed', { type: 'success' });
    refresh();
  }, close);
  // A nonaktif KPM keeps only its NIK to correct.
  const kinds = kpm.status === 'aktif' ? KPM_FIX_KINDS : (['nik_tidak_sesuai'] as const);
  return (
    <>
      <Button size="small" variant="contained" startIcon={<FixIcon />} onClick={() => setOpen(true)} data-testid="kpm-fix-propose" sx={{ minHeight: 44 }}>
        {translate('kesos.sembako.fix.propose')}
      </Button>
      {open && (
        <Dialog open onClose={close} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid="dialog-kpm-fix" aria-labelledby="dialog-kpm-fix-title">
          {/* An empty record: the form is not an edit of the KPM shown behind it. */}
          <Form record={{}} onSubmit={submit} noValidate>
            <DialogTitle id="dialog-kpm-fix-title">{translate('kesos.sembako.fix.propose')}</DialogTitle>
            <DialogContent>
              <DialogContentText sx={{ mb: 2 }}>{translate('kesos.sembako.fix.explain')}</DialogContentText>
              <Stack spacing={1}>
                <SelectInput
                  source="kind"
                  label="kesos.sembako.fix.kind_label"
                  choices={choices(kinds, 'kesos.sembako.fix.kind')}
                  validate={required()}
                  fullWidth
                />
                <KindFields kpm={kpm} />
                <TextInput
                  source="reason"
                  label="kesos.sembako.fix.reason"
                  helperText="kesos.sembako.fix.reason_help"
                  multiline
                  minRows={3}
                  validate={[required(), minLength(5)]}
                  fullWidth
                />
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <SubmitButton label="kesos.sembako.fix.submit" />
            </DialogActions>
          </Form>
        </Dialog>
      )}
    </>
  );
};
