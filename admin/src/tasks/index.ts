import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazyPage } from '../common/lazyPage';
import { TaskList } from './TaskList';

export default {
  icon: TaskIcon,
  list: TaskList,
  // Its completion forms load with the first task opened; the list is in the main chunk.
  show: lazyPage(() => import('./TaskShow'), 'TaskShow'),
};
