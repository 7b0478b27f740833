import PsksIcon from '@mui/icons-material/Diversity3';
import { lazyPage } from '../common/lazyPage';

// The PSKS directory: each screen loads when first opened.
export const psks = {
  icon: PsksIcon,
  list: lazyPage(() => import('./PsksList'), 'PsksList'),
  show: lazyPage(() => import('./PsksShow'), 'PsksShow'),
  create: lazyPage(() => import('./PsksCreate'), 'PsksCreate'),
  edit: lazyPage(() => import('./PsksEdit'), 'PsksEdit'),
};
