// The one permission matrix. Procedures ask for a permission by name; roles grant sets of them.
// The UI may hide what a role cannot do, but only this table (checked on the server) decides.
import type { Role } from "@/server/db/generated/enums";

export const PERMISSIONS = [
  "tenant:read",
  "cases:read",
  "cases:write",
  "customers:read",
  "customers:write",
  "pii:read",
  "members:read",
  "members:manage",
  "settings:manage",
  "api-keys:manage",
  "audit:read",
  "exports:create",
  "imports:create",
  "jobs:manage",
  "tenant:delete",
  "alerts:read",
  "alerts:manage",
  "feed:read",
  "feed:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: Permission[] = ["tenant:read", "cases:read", "customers:read", "members:read", "alerts:read", "feed:read"];
// alerts:manage: acknowledge, resolve, reopen, assign and raise alerts; deleting one is settings:manage.
const AGENT: Permission[] = [...VIEWER, "cases:write", "customers:write", "pii:read", "exports:create", "alerts:manage"];
const ADMIN: Permission[] = [
  ...AGENT,
  "members:manage",
  "settings:manage",
  "api-keys:manage",
  "audit:read",
  "imports:create",
  "jobs:manage",
  // Posting, editing and deleting announcements; managers also read every item, whatever its audience.
  "feed:manage",
];
const OWNER: Permission[] = [...ADMIN, "tenant:delete"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  OWNER: new Set(OWNER),
  ADMIN: new Set(ADMIN),
  AGENT: new Set(AGENT),
  VIEWER: new Set(VIEWER),
};

/** Roles ordered from most to least powerful; a member may only grant roles at or below their own. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { OWNER: 4, ADMIN: 3, AGENT: 2, VIEWER: 1 };

export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return ROLE_PERMISSIONS[role];
}
