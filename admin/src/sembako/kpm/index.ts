import KpmIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../../common/lazyPage';

// The KPM register: list, import (the import is the resource's create route) and one KPM with its data fixes.
export const sembakoKpm = {
  icon: KpmIcon,
  list: lazyPage(() => import('./KpmList'), 'KpmList'),
  create: lazyPage(() => import('./KpmImport'), 'KpmImport'),
  show: lazyPage(() => import('./KpmShow'), 'KpmShow'),
};
