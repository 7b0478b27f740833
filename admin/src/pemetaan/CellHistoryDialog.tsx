// A cell's history (GET /api/pemetaan/history for one desa and category): every recorded count,
// newest first, with its date, source and who recorded it, by name. The computed sources (open
// cases, the PSKS directory) are as of now and have no rows here.
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { KesosDataProvider } from '../dataProvider';
import { PersonName } from '../fields/NameFields';

export const CellHistoryDialog = ({
  cell,
  onClose,
}: {
  cell: { desaCode: string; desaName: string; kind: 'ppks' | 'psks'; code: string; categoryName: string } | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const fullScreen = useMediaQuery((t: Theme) => t.breakpoints.down('sm'));
  const { data, error } = useQuery({
    queryKey: ['pemetaan-history', cell?.desaCode, cell?.kind, cell?.code],
    queryFn: () => dataProvider.pemetaanHistory({ desaCode: cell!.desaCode, kind: cell!.kind, code: cell!.code }).then((r) => r.data),
    enabled: !!cell,
  });
  const t = (k: string, o?: Record<string, unknown>) => translate(`kesos.pemetaan.history.${k}`, o);
  return (
    <Dialog open={!!cell} onClose={onClose} fullScreen={fullScreen} fullWidth maxWidth="sm" data-testid="pemetaan-history-dialog">
      <DialogTitle>{cell ? t('title', { category: cell.categoryName, desa: cell.desaName }) : ''}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error">{t('error')}</Alert> : null}
        {data && !data.length && <Typography variant="body2">{t('empty')}</Typography>}
        {data && data.length > 0 && (
          <Table size="small" data-testid="pemetaan-history" sx={{ '& td, & th': { px: 0.5 } }}>
            <TableHead>
              <TableRow>
                <TableCell>{t('as_of')}</TableCell>
                <TableCell align="right">{t('count')}</TableCell>
                <TableCell>{t('source')}</TableCell>
                <TableCell>{t('recorded_by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.asOf}</TableCell>
                  <TableCell align="right">{r.count}</TableCell>
                  <TableCell>
                    {translate(`kesos.pemetaan.source.${r.source}`)}
                    {r.note ? (
                      <Typography variant="caption" component="div">
                        {r.note}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <PersonName id={r.recordedBy} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
