import FixIcon from '@mui/icons-material/EditNote';
import { lazyPage } from '../../common/lazyPage';

// Proposed KPM data fixes of the region (the review is a task of the inbox).
export const sembakoKpmFixes = {
  icon: FixIcon,
  list: lazyPage(() => import('./KpmFixList'), 'KpmFixList'),
};
