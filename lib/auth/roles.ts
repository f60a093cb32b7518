/** A member's role in one team. Owners manage members; viewers read and export only. */
export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  viewer: "Viewer",
};

export const roleDescriptions: Record<Role, string> = {
  owner: "Everything, including members and invitations",
  editor: "Does the fact-checking work",
  viewer: "Reads and exports, changes nothing",
};

/**
 * The one role-to-permission map. Every guard asks `can(role, permission)`; the UI uses the
 * same answer to hide what the server would refuse anyway.
 */
const permissionRoles = {
  "team:read": ["owner", "editor", "viewer"],
  "report:export": ["owner", "editor", "viewer"],
  "content:write": ["owner", "editor"],
  "member:manage": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export function can(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** The roles that can work on claims, and so be assigned one: owners and editors. */
export const ASSIGNABLE_ROLES: readonly Role[] = ROLES.filter((role) => can(role, "content:write"));

/** Permissions that change something: actions that need one count against the writer's throttle. */
const WRITE_PERMISSIONS: readonly Permission[] = ["content:write", "member:manage"];

export function isWritePermission(permission: Permission): boolean {
  return WRITE_PERMISSIONS.includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
