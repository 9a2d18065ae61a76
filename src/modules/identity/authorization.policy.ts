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

/** Whether the identity may see the whole audit trail, across councils. */
export function canSeeAllAudit(identity: Identity): boolean {
  return isAdmin(identity);
}
