// User lists: the admin's (every account) and a supervisor's colleagues to assign work to (the
// active users of their region, GET /api/users).
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { publicUser, type UserRow } from '../auth/routes';
import { equalityFilters, idFilter, type ListSpec } from '../list';
import type { AssignableUserListFilter, UserListFilter } from './schema';

/** Users whose region is `scope` or below it (a user's region is one code column). */
export const userInRegion = (sql: Sql, scope: string | null) => inRegion(sql, scope, 'u.region_code');

export const userList = (sql: Sql): ListSpec<'username' | 'role' | 'createdAt', UserListFilter> => ({
  resource: 'users',
  sort: { username: 'u.username', role: 'u.role', createdAt: 'u.created_at' },
  defaultSort: ['username', 'ASC'],
  tieBreaker: 'u.id',
  filters: { id: idFilter(sql, 'u.id'), ...equalityFilters(sql, { role: 'u.role', regionCode: 'u.region_code', disabled: 'u.disabled' }) },
});

export const assignableUserList = (sql: Sql): ListSpec<'displayName' | 'username' | 'regionCode', AssignableUserListFilter> => ({
  resource: 'users',
  sort: { displayName: 'u.display_name', username: 'u.username', regionCode: 'u.region_code' },
  defaultSort: ['displayName', 'ASC'],
  tieBreaker: 'u.id',
  filters: {
    id: idFilter(sql, 'u.id'),
    ...equalityFilters(sql, { role: 'u.role' }),
    regionCode: (v) => userInRegion(sql, v),
    q: (v) => sql`(strpos(lower(u.username), lower(${v})) > 0 OR strpos(lower(u.display_name), lower(${v})) > 0)`,
  },
});

export const presentAdminUser = (u: UserRow & { createdAt: Date }) => ({ ...publicUser(u), disabled: u.disabled, createdAt: u.createdAt.toISOString() });
