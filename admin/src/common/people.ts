// A person one may pick for work (GET /api/users: the active users of the caller's region), and how
// a picker shows them: the name first, then the username and region.
export interface AssignablePerson {
  id: string;
  username: string;
  displayName: string;
  regionCode: string | null;
}

export const personText = (p: AssignablePerson) => `${p.displayName} (${p.username} · ${p.regionCode ?? '—'})`;
