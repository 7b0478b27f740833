import ReportIcon from '@mui/icons-material/Summarize';
import { lazyPage } from '../common/lazyPage';

// TKSK monthly reports (laporan bulanan): each screen loads when first opened.
const monthlyReports = {
  icon: ReportIcon,
  list: lazyPage(() => import('./ReportList'), 'ReportList'),
  show: lazyPage(() => import('./ReportShow'), 'ReportShow'),
};
export default monthlyReports;
