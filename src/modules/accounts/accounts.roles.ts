// Roles and what they allow: pure, shared by the server and the web app (no Node-only imports here).

export const ROLES = ['admin', 'office', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.manage',
  'member.read',
  'member.manage',
  'congress.read',
  'congress.manage',
  'resolution.read',
  'resolution.manage',
  'audit.read',
  'user.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** what each role may do on the subtree it is granted on */
export const roleActions: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  office: ['org.read', 'org.manage', 'member.read', 'member.manage', 'congress.read', 'congress.manage', 'resolution.read', 'resolution.manage'],
  viewer: ['org.read', 'member.read', 'congress.read', 'resolution.read'],
};

/** a role granted on an organisation (its materialized path) or on the whole system (null) */
export interface Grant {
  role: Role;
  orgId: number | null;
  orgPath: string | null;
}

/** a grant on an organisation covers its whole subtree; a grant with no organisation covers everything */
export function grantCovers(grant: Grant, targetPath: string | null): boolean {
  if (grant.orgPath === null) return true;
  return targetPath !== null && targetPath.startsWith(grant.orgPath);
}

/** may a holder of these grants do `action` on the organisation at `targetPath` (null: a system-wide action) */
export function isAllowed(grants: readonly Grant[], action: Action, targetPath: string | null): boolean {
  return grants.some((g) => roleActions[g.role].includes(action) && grantCovers(g, targetPath));
}

/** the subtrees in which `action` is allowed: 'all', or the paths of their roots (none nested in another) */
export function allowedSubtrees(grants: readonly Grant[], action: Action): 'all' | string[] {
  const relevant = grants.filter((g) => roleActions[g.role].includes(action));
  if (relevant.some((g) => g.orgPath === null)) return 'all';
  const paths = [...new Set(relevant.map((g) => g.orgPath as string))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}
