// "Unduh CSV" and "Unduh Excel" for a list's current filter (GET /api/exports/<what>.<format>):
// the server writes Indonesian headers and words, local times, `;` with a BOM for CSV. Fetched
// with the bearer token and saved as a file (a plain link would go without the token).
import { Button, CircularProgress, Stack, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { ExportWhat, KesosDataProvider } from '../dataProvider';
import { saveBlob, useAction } from './useAction';

interface Props {
  what: ExportWhat;
  /** File name without the date and extension, e.g. `kasus`. */
  fileName: string;
}

export const ExportSpreadsheetButtons = ({ what, fileName }: Props) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const { filterValues } = useListContext();
  const { running, run } = useAction<'csv' | 'xlsx'>({ refresh: false });
  const download = (format: 'csv' | 'xlsx') =>
    run(async () => {
      const { data } = await dataProvider.exportSpreadsheet(what, format, filterValues ?? {});
      saveBlob(data, `${fileName}-${new Date().toISOString().slice(0, 10)}.${format}`);
    }, format);
  return (
    <Stack direction="row" spacing={0.5}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Tooltip key={format} title={translate(`kesos.exports.help_${format}`)}>
          <span>
            <Button
              size="small"
              onClick={() => download(format)}
              disabled={running !== null}
              startIcon={running === format ? <CircularProgress size={16} /> : <DownloadIcon />}
              data-testid={`export-${format}`}
            >
              {translate(`kesos.exports.${format}`)}
            </Button>
          </span>
        </Tooltip>
      ))}
    </Stack>
  );
};
