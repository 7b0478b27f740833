import MeetingIcon from '@mui/icons-material/Groups3';
import { lazyPage } from '../common/lazyPage';

// Koordinasi meetings: each screen loads when first opened.
const meetings = {
  icon: MeetingIcon,
  list: lazyPage(() => import('./MeetingList'), 'MeetingList'),
  show: lazyPage(() => import('./MeetingShow'), 'MeetingShow'),
  create: lazyPage(() => import('./MeetingCreate'), 'MeetingCreate'),
};
export default meetings;
