import AssignmentIcon from '@mui/icons-material/BadgeOutlined';
import { lazyPage } from '../common/lazyPage';

// TKSK assignments (docs/tksk-assignment.md): the roster of a kabupaten with its vacant kecamatan,
// one TKSK's timeline (SK periods, evaluations, the end) and recording an SK. Supervisors' and
// the admin's screens: each loads when first opened.
export const tkskAssignments = {
  icon: AssignmentIcon,
  list: lazyPage(() => import('./AssignmentList'), 'AssignmentList'),
  show: lazyPage(() => import('./AssignmentShow'), 'AssignmentShow'),
  create: lazyPage(() => import('./AssignmentCreate'), 'AssignmentCreate'),
};
export { managesAssignments, readsAssignments } from './roles';
