// User lists: the admin's (every account) and a supervisor's colleagues to assign work to (the
// active users of their region, GET /api/users).
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { publicUser, type UserRow } from '../auth/routes';
import { tableList, type ListSpec } from '../list';
import type { AssignableUserListFilter, UserListFilter } from './schema';

/** Users whose region is `scope` or below it (a user's region is one code column). */
export const userInRegion = (sql: Sql, scope: string | null) => inRegion(sql, scope, 'u.region_code');

export const userList = (sql: Sql): ListSpec<'username' | 'role' | 'createdAt', UserListFilter> =>
  tableList(sql, 'u', {
    resource: 'users',
    sort: ['username', 'role', 'createdAt'],
    defaultSort: ['username', 'ASC'],
    equal: ['role', 'regionCode', 'disabled'],
  });

export const assignableUserList = (sql: Sql): ListSpec<'displayName' | 'username' | 'regionCode', AssignableUserListFilter> =>
  tableList<'displayName' | 'username' | 'regionCode', AssignableUserListFilter>(sql, 'u', {
    resource: 'users',
    sort: ['displayName', 'username', 'regionCode'],
    defaultSort: ['displayName', 'ASC'],
    equal: ['role'],
    filters: {
      regionCode: (v) => userInRegion(sql, v),
      q: (v) => sql`(strpos(lower(u.username), lower(${v})) > 0 OR strpos(lower(u.display_name), lower(${v})) > 0)`,
    },
  });

export const presentAdminUser = (u: UserRow & { createdAt: Date }) => ({ ...publicUser(u), disabled: u.disabled, createdAt: u.createdAt.toISOString() });
