import KpmIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../../common/lazyPage';

// The KPM register: list and import (the import is the resource's create route).
export const sembakoKpm = {
  icon: KpmIcon,
  list: lazyPage(() => import('./KpmList'), 'KpmList'),
  create: lazyPage(() => import('./KpmImport'), 'KpmImport'),
};
