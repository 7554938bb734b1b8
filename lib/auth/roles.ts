/** Account roles, spelled once: the schema (with a CHECK constraint), zod schemas and the admin pages import them. */

/** Every role a users row may have; 'system' is the importer's account, never a person and never signed in. */
export const USER_ROLES = ['editor', 'admin', 'system'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles a person's account may have. */
export const accountRoles = ['editor', 'admin'] as const satisfies readonly UserRole[];
export type AccountRole = (typeof accountRoles)[number];

export function isAccountRole(role: string): role is AccountRole {
  return (accountRoles as readonly string[]).includes(role);
}
