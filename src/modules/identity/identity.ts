/**
 * Who is asking. Built once per request from `Authorization: Bearer …` (never from arguments) and
 * passed to services, which decide what it may see and change (authorization.policy.ts).
 */
export const roles = ["ADMIN", "EDITOR", "ANALYST"] as const;
export type Role = (typeof roles)[number];

export type Identity = AnonymousIdentity | KeyIdentity;

export interface AnonymousIdentity {
  readonly kind: "anonymous";
}

export interface KeyIdentity {
  readonly kind: "key";
  /** The API key's id; null for the bootstrap ADMIN_TOKEN, which has no row. */
  readonly keyId: number | null;
  /** The key's name as its creator gave it ("Harlow performance team"), or "ADMIN_TOKEN". */
  readonly name: string;
  readonly role: Role;
  /** Councils (councils.id) an editor's key is scoped to; empty for the other roles. */
  readonly councilIds: readonly number[];
}

export const anonymous: AnonymousIdentity = Object.freeze({ kind: "anonymous" });

/** The bootstrap admin: whoever presents ADMIN_TOKEN. */
export const bootstrapAdmin: KeyIdentity = Object.freeze({
  kind: "key",
  keyId: null,
  name: "ADMIN_TOKEN",
  role: "ADMIN",
  councilIds: Object.freeze([]),
});

/**
 * Whoever runs the CLI (`npm run keys`, `npm run import`): they hold the database itself, so they
 * act as an admin; the audit trail names them apart from ADMIN_TOKEN.
 */
export const cliOperator: KeyIdentity = Object.freeze({
  kind: "key",
  keyId: null,
  name: "CLI operator",
  role: "ADMIN",
  councilIds: Object.freeze([]),
});

/** Who a write is recorded as: the key's id and name, or neither for an anonymous request. */
export function actorOf(identity: Identity): { keyId: number | null; name: string | null } {
  return identity.kind === "key" ? { keyId: identity.keyId, name: identity.name } : { keyId: null, name: null };
}

/** Who a revision names: the key, or "anonymous" (never reached: edits need a key, but the column is required). */
export function revisionAuthor(identity: Identity): { keyId: number | null; keyName: string } {
  const actor = actorOf(identity);
  return { keyId: actor.keyId, keyName: actor.name ?? "anonymous" };
}
