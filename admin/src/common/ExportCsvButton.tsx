// The server's CSV of the list's current filter, fetched with the bearer token and saved as a
// file (a plain link would go without the token).
import { Button, CircularProgress, Tooltip } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useTranslate } from 'react-admin';
import { saveBlob, useAction } from './useAction';

interface Props {
  /** Fetches the CSV for a filter (a dataProvider export method). */
  fetchCsv: (filter: Record<string, unknown>) => Promise<{ data: Blob }>;
  /** File name without the date and extension, e.g. `audit`. */
  fileName: string;
  label: string;
  help: string;
}

export const ExportCsvButton = ({ fetchCsv, fileName, label, help }: Props) => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const { busy, run } = useAction({ refresh: false });
  const download = () => run(async () => saveBlob((await fetchCsv(filterValues ?? {})).data, `${fileName}-${new Date().toISOString().slice(0, 10)}.csv`));
  return (
    <Tooltip title={translate(help)}>
      <span>
        <Button size="small" onClick={download} disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />} data-testid="export-csv">
          {translate(label)}
        </Button>
      </span>
    </Tooltip>
  );
};
