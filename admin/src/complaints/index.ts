import ComplaintIcon from '@mui/icons-material/Campaign';
import { lazyPage } from '../common/lazyPage';

// Sembako complaints (pengaduan): each screen loads when first opened.
const complaints = {
  icon: ComplaintIcon,
  list: lazyPage(() => import('./ComplaintList'), 'ComplaintList'),
  show: lazyPage(() => import('./ComplaintShow'), 'ComplaintShow'),
  create: lazyPage(() => import('./ComplaintCreate'), 'ComplaintCreate'),
};
export default complaints;
