import CaseIcon from '@mui/icons-material/FolderShared';
import { lazyPage } from '../common/lazyPage';
import { CaseList } from './CaseList';
import type { CaseRecord } from '../types';

// The list is the TKSK's second place; registration and the case page (lifecycle drawing,
// timeline, history viewer, interventions) load when first opened.
export default {
  icon: CaseIcon,
  list: CaseList,
  show: lazyPage(() => import('./CaseShow'), 'CaseShow'),
  create: lazyPage(() => import('./CaseCreate'), 'CaseCreate'),
  recordRepresentation: (record: CaseRecord) => record.beneficiary?.name ?? record.beneficiary?.nik ?? String(record.id),
};
