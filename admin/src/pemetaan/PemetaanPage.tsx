// Pemetaan sosial (GET /api/pemetaan?region=): the matrix of a region's child regions (rows, by
// name) against the 26 PPKS and the PSKS types, for one source at a time, with a bar chart of the
// region's profile. A row's name drills down (kabupaten → kecamatan → desa); the breadcrumb goes
// back up. The region is in the URL (`#/pemetaan?region=33.73`), so a drill-down can be shared.
// No map: no licensed boundary package is available (docs/pemetaan.md).
import {
  Alert,
  Box,
  Breadcrumbs,
  Button,
  Card,
  CardContent,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { Link, useSearchParams } from 'react-router-dom';
import { ACTIONS } from '../../../domain/access';
import { regionChain, type RegionLevel } from '../../../domain/regions';
import { saveBlob } from '../common/useAction';
import type { KesosDataProvider } from '../dataProvider';
import { RegionName } from '../fields/NameFields';
import { getUser } from '../session';
import type { PemetaanCell, PemetaanMatrix } from '../types';
import { CellHistoryDialog } from './CellHistoryDialog';
import { FieldCountDialog } from './FieldCountDialog';

type Half = 'ppks' | 'psks';
const SOURCES: Record<Half, readonly PemetaanCell['source'][]> = { ppks: ['kasus', 'lapangan', 'impor'], psks: ['psks', 'lapangan', 'impor'] };
const LEVELS_UP: RegionLevel[] = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];

/** The region a user starts from: their own (national: Jawa Tengah, the demo's provinsi). */
const homeRegion = () => getUser()?.regionCode ?? '33';

const cellOf = (cells: PemetaanCell[], half: Half, code: string, source: string) =>
  cells.find((c) => c.kind === half && c.code === code && c.source === source);

/** A horizontal bar per category (plain SVG): the region's totals from the chosen source. */
const ProfileChart = ({ items, title }: { items: { label: string; count: number }[]; title: string }) => {
  const shown = items.filter((i) => i.count > 0).sort((a, b) => b.count - a.count);
  const max = Math.max(1, ...shown.map((i) => i.count));
  const bar = 22;
  if (!shown.length) return null;
  return (
    <svg role="img" aria-label={title} width="100%" viewBox={`0 0 600 ${shown.length * bar + 8}`} data-testid="pemetaan-chart">
      <title>{title}</title>
      {shown.map((i, n) => (
        <g key={i.label} transform={`translate(0, ${n * bar + 4})`}>
          <text x={0} y={15} fontSize={12} fill="currentColor">
            {i.label.length > 38 ? `${i.label.slice(0, 37)}…` : i.label}
          </text>
          <rect x={250} y={3} height={bar - 8} width={Math.max(2, (300 * i.count) / max)} fill="#1565c0" rx={2} />
          <text x={255 + (300 * i.count) / max} y={15} fontSize={12} fill="currentColor">
            {i.count}
          </text>
        </g>
      ))}
    </svg>
  );
};

export const PemetaanPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<KesosDataProvider>();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? homeRegion();
  const half = (params.get('jenis') as Half | null) ?? 'ppks';
  const source = params.get('sumber') ?? SOURCES[half][0];
  const { data, error } = useQuery({ queryKey: ['pemetaan', region], queryFn: () => dataProvider.pemetaan(region).then((r) => r.data) });
  const set = (next: Record<string, string>) => setParams({ region, jenis: half, sumber: source, ...next });
  const m = data as PemetaanMatrix | undefined;
  const categories = m ? m.categories[half] : [];
  const nameOf = (c: { code: string; nameId: string; nameEn: string }) =>
    half === 'ppks' ? translate(`kesos.pmks.${c.code}`) : locale === 'en' ? c.nameEn : c.nameId;
  const chain = regionChain(region);
  const home = homeRegion();
  const queryClient = useQueryClient();
  const [counting, setCounting] = useState(false);
  const [historyOf, setHistoryOf] = useState<{ desaCode: string; desaName: string; kind: Half; code: string; categoryName: string } | null>(null);
  const role = getUser()?.role;
  const mayCount = !!role && (ACTIONS['pemetaan.count'] as readonly string[]).includes(role);
  const recorded = source === 'lapangan' || source === 'impor';
  const allCategories = m
    ? (['ppks', 'psks'] as const).flatMap((k) =>
        m.categories[k].map((c) => ({
          kind: k,
          code: c.code,
          label: k === 'ppks' ? translate(`kesos.pmks.${c.code}`) : locale === 'en' ? c.nameEn : c.nameId,
        })),
      )
    : [];
  const download = async (format: 'csv' | 'xlsx') => saveBlob((await dataProvider.exportPemetaan(region, format)).data, `pemetaan-${region}.${format}`);

  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} data-testid="pemetaan">
      <Title title={translate('kesos.pemetaan.title')} />
      <Breadcrumbs sx={{ mb: 1 }} aria-label={translate('kesos.pemetaan.levels')}>
        {LEVELS_UP.map((l) => chain[l])
          .filter((c): c is string => !!c && (home === null || c.startsWith(home)))
          .map((c) =>
            c === region ? (
              <Typography key={c} color="text.primary" data-testid="pemetaan-region">
                <RegionName code={c} />
              </Typography>
            ) : (
              <MuiLink key={c} component="button" onClick={() => set({ region: c })}>
                <RegionName code={c} />
              </MuiLink>
            ),
          )}
      </Breadcrumbs>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1 }} useFlexGap flexWrap="wrap">
        <ToggleButtonGroup size="small" exclusive value={half} onChange={(_, v: Half | null) => v && set({ jenis: v, sumber: SOURCES[v][0] })}>
          <ToggleButton value="ppks">{translate('kesos.pemetaan.ppks')}</ToggleButton>
          <ToggleButton value="psks">{translate('kesos.pemetaan.psks')}</ToggleButton>
        </ToggleButtonGroup>
        <ToggleButtonGroup size="small" exclusive value={source} onChange={(_, v: string | null) => v && set({ sumber: v })}>
          {SOURCES[half].map((s) => (
            <ToggleButton key={s} value={s} data-testid={`source-${s}`}>
              {translate(`kesos.pemetaan.source.${s}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {mayCount && m?.region.level === 'desa' && (
          <Button size="small" variant="contained" startIcon={<AddIcon />} onClick={() => setCounting(true)} data-testid="pemetaan-count-open">
            {translate('kesos.pemetaan.count_form.open')}
          </Button>
        )}
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => download('csv')}>
          {translate('kesos.exports.csv')}
        </Button>
        <Button size="small" startIcon={<DownloadIcon />} onClick={() => download('xlsx')}>
          {translate('kesos.exports.xlsx')}
        </Button>
      </Stack>
      {error ? <Alert severity="error">{translate('kesos.pemetaan.error')}</Alert> : null}
      {m && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate(`kesos.pemetaan.explain.${source}`, { date: m.asOf })}
          </Typography>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="subtitle1">{translate('kesos.pemetaan.profile', { region: m.region.name })}</Typography>
              <ProfileChart
                title={translate('kesos.pemetaan.profile', { region: m.region.name })}
                items={categories.map((c) => ({ label: nameOf(c), count: cellOf(m.totals, half, c.code, source)?.count ?? 0 }))}
              />
              {!categories.some((c) => cellOf(m.totals, half, c.code, source)?.count) && (
                <Typography variant="body2">{translate('kesos.pemetaan.empty')}</Typography>
              )}
            </CardContent>
          </Card>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="pemetaan-matrix" sx={{ '& td, & th': { px: 0.75, whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper' }}>{translate(`kesos.pemetaan.row.${m.rowLevel}`)}</TableCell>
                  {categories.map((c) => (
                    <TableCell key={c.code} align="right" title={nameOf(c)}>
                      <abbr title={nameOf(c)}>{c.code}</abbr>
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {m.rows.map((r) => (
                  <TableRow key={r.code} data-testid={`pemetaan-row-${r.code}`}>
                    <TableCell sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper' }}>
                      {m.region.level === 'desa' ? (
                        r.name
                      ) : (
                        <MuiLink component={Link} to={`/pemetaan?region=${r.code}&jenis=${half}&sumber=${source}`}>
                          {r.name}
                        </MuiLink>
                      )}
                    </TableCell>
                    {categories.map((c) => {
                      const cell = cellOf(r.cells, half, c.code, source);
                      return (
                        <TableCell key={c.code} align="right" title={cell ? translate('kesos.pemetaan.as_of', { date: cell.asOf }) : undefined}>
                          {recorded && m.rowLevel === 'desa' ? (
                            // A desa's recorded cell opens its history.
                            <MuiLink
                              component="button"
                              data-testid={`pemetaan-cell-${r.code}-${c.code}`}
                              onClick={() => setHistoryOf({ desaCode: r.code, desaName: r.name, kind: half, code: c.code, categoryName: nameOf(c) })}
                            >
                              {cell ? cell.count : '–'}
                              {cell && (
                                <Typography variant="caption" component="span" sx={{ display: 'block' }}>
                                  {cell.asOf}
                                </Typography>
                              )}
                            </MuiLink>
                          ) : cell ? (
                            cell.count
                          ) : (
                            '–'
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
      {m && m.region.level === 'desa' && (
        <FieldCountDialog
          open={counting}
          desaCode={m.region.code}
          desaName={m.region.name}
          categories={allCategories}
          onClose={() => setCounting(false)}
          onSaved={(kind) => {
            setCounting(false);
            void queryClient.invalidateQueries({ queryKey: ['pemetaan'] });
            void queryClient.invalidateQueries({ queryKey: ['pemetaan-history'] });
            set({ jenis: kind, sumber: 'lapangan' });
          }}
        />
      )}
      <CellHistoryDialog cell={historyOf} onClose={() => setHistoryOf(null)} />
    </Box>
  );
};

export default PemetaanPage;
