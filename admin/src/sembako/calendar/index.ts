import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { lazyPage } from '../../common/lazyPage';

// The kabupaten's distribution calendar: its entries, and a new one (a kabupaten supervisor's).
export const sembakoCalendar = {
  icon: CalendarIcon,
  list: lazyPage(() => import('./CalendarList'), 'CalendarList'),
  create: lazyPage(() => import('./CalendarCreate'), 'CalendarCreate'),
};
