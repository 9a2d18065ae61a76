import type { Identity } from "./identity.js";

/*
 * Every access rule, in one home. Services ask these before reading drafts or writing anything;
 * a "no" is answered by the caller exactly like "not found", so a key learns nothing about objects
 * that are not its own.
 */

export function isAdmin(identity: Identity): boolean {
  return identity.kind === "key" && identity.role === "ADMIN";
}

/** Editors of a council change its plans, drafts and progress; admins change everything. */
export function canEditCouncil(identity: Identity, councilId: number): boolean {
  if (identity.kind !== "key") return false;
  if (identity.role === "ADMIN") return true;
  return identity.role === "EDITOR" && identity.councilIds.includes(councilId);
}

/** Drafts and a council's audit trail are visible to exactly those who may edit the council. */
export const canSeeCouncilDrafts = canEditCouncil;
export const canSeeCouncilAudit = canEditCouncil;

/** Every key may keep its own peer groups; anonymous requests only read. */
export function canCreatePeerGroups(identity: Identity): boolean {
  return identity.kind === "key";
}

/** A user-defined group is changed by the key that made it, or by an admin; built-in groups by no one. */
export function canChangePeerGroup(
  identity: Identity,
  group: { readonly builtIn: boolean; readonly ownerKeyId: number | null },
): boolean {
  if (identity.kind !== "key" || group.builtIn) return false;
  return identity.role === "ADMIN" || (identity.keyId !== null && identity.keyId === group.ownerKeyId);
}

/**
 * Whose private groups an identity sees besides the built-in and shared ones: admins every one,
 * a key its own, anonymous requests (and keyless identities, all of them admins) none of their own.
 */
export function privatePeerGroupsVisibleTo(identity: Identity): "all" | { readonly ownerKeyId: number } | "none" {
  if (isAdmin(identity)) return "all";
  return identity.kind === "key" && identity.keyId !== null ? { ownerKeyId: identity.keyId } : "none";
}

/** Built-in and shared groups are for everyone; a private user group for its owner and admins. */
export function canSeePeerGroup(
  identity: Identity,
  group: { readonly builtIn: boolean; readonly ownerKeyId: number | null; readonly shared: boolean },
): boolean {
  if (group.builtIn || group.shared) return true;
  const visible = privatePeerGroupsVisibleTo(identity);
  return visible === "all" || (visible !== "none" && visible.ownerKeyId === group.ownerKeyId);
}

/**
 * Which councils' audit events an identity sees: admins all (global objects too), editors those of
 * their councils (canSeeCouncilAudit), everyone else none.
 */
export function auditCouncilsVisibleTo(identity: Identity): "all" | readonly number[] {
  if (canSeeAllAudit(identity)) return "all";
  if (identity.kind !== "key" || identity.role !== "EDITOR") return [];
  return identity.councilIds.filter((councilId) => canSeeCouncilAudit(identity, councilId));
}

/** Whether the identity may see the whole audit trail, across councils. */
export function canSeeAllAudit(identity: Identity): boolean {
  return isAdmin(identity);
}
