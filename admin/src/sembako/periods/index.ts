import PeriodIcon from '@mui/icons-material/EventAvailable';
import { lazyPage } from '../../common/lazyPage';

// Distribution periods: list, one period with its tasks, and opening one.
export const sembakoPeriods = {
  icon: PeriodIcon,
  list: lazyPage(() => import('./PeriodList'), 'PeriodList'),
  show: lazyPage(() => import('./PeriodShow'), 'PeriodShow'),
  create: lazyPage(() => import('./PeriodCreate'), 'PeriodCreate'),
};
