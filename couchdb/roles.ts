/**
 * How a person's part in a team is expressed on the server (docs/SYNC.md "Roles"). Roles live on
 * the user (the `_users` document, or the roles claim of a JWT, or the proxy's roles header), so
 * cookie, JWT and proxy auth all carry them the same way. The database name is the team.
 */
export type TeamRole = 'admin' | 'writer' | 'viewer';

export const teamRoleName = (role: TeamRole, db: string): string => `claimdesk:${role}:${db}`;

export type SecurityObject = {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
};

/**
 * The `_security` object of a team database: its admins by role; readers are the writer and
 * viewer roles (the validation function then refuses the viewers' writes).
 */
export function securityFor(db: string): SecurityObject {
  return {
    admins: { names: [], roles: [teamRoleName('admin', db)] },
    members: { names: [], roles: [teamRoleName('writer', db), teamRoleName('viewer', db)] },
  };
}

/**
 * The role a signed-in user (`GET /_session` → `userCtx`) has in team `db`, the same rule the
 * validation function applies: server admin or team admin, then writer, then viewer; `null` for
 * none of them (the server then refuses reads too, unless `_security` names the user).
 */
export function teamRoleOf(
  userCtx: { name: string | null; roles: readonly string[] },
  db: string,
  security?: Partial<SecurityObject>,
): TeamRole | null {
  const roles = userCtx.roles;
  const adminNames = security?.admins?.names ?? [];
  const adminRoles = security?.admins?.roles ?? [teamRoleName('admin', db)];
  if (roles.includes('_admin')) return 'admin';
  if (userCtx.name !== null && adminNames.includes(userCtx.name)) return 'admin';
  if (roles.some((r) => adminRoles.includes(r))) return 'admin';
  if (roles.includes(teamRoleName('writer', db))) return 'writer';
  if (roles.includes(teamRoleName('viewer', db))) return 'viewer';
  return null;
}
