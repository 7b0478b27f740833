// Who reads the roster and who records / ends an assignment: the API's tksk_assignment.read and
// tksk_assignment.manage (domain/access.ts).
import { ACTIONS } from '../../../domain/access';

const allows = (action: 'tksk_assignment.read' | 'tksk_assignment.manage', role: string | null | undefined) =>
  !!role && (ACTIONS[action] as readonly string[]).includes(role);
export const readsAssignments = (role: string | null | undefined) => allows('tksk_assignment.read', role);
export const managesAssignments = (role: string | null | undefined) => allows('tksk_assignment.manage', role);
