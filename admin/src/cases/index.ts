import CaseIcon from '@mui/icons-material/FolderShared';
import { CaseCreate } from './CaseCreate';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';
import type { CaseRecord } from '../types';

export default {
  icon: CaseIcon,
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  recordRepresentation: (record: CaseRecord) => record.beneficiary?.name ?? record.beneficiary?.nik ?? String(record.id),
};
