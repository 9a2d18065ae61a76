import type { Database } from "../../shared/database/database.js";
import { currentRequest } from "../../shared/request-context.js";
import { actorOf, type Identity } from "../identity/identity.js";
import { auditEventsTable } from "./audit-event.table.js";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface AuditEntry {
  operation: string;
  objectType: string;
  objectId: number | null;
  councilId: number | null;
  before: unknown;
  after: unknown;
}

/**
 * Records one mutation inside the transaction that makes it. Repositories call it with their own
 * transaction; it never opens one, so an event cannot outlive a rolled-back change.
 */
export async function writeAuditEvent(
  tx: Transaction | Database,
  identity: Identity,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditEventsTable).values({
    keyId: actorOf(identity).keyId,
    keyName: actorOf(identity).name ?? "anonymous",
    role: identity.kind === "key" ? identity.role : "ANONYMOUS",
    councilId: entry.councilId,
    operation: entry.operation,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: currentRequest()?.id ?? null,
  });
}

/** A correction's event body: each changed field before and after, beside the versions it moved between. */
export function correctionAudit(
  fromVersion: number,
  toVersion: number,
  changes: readonly { field: string; before: string | null; after: string | null }[],
): Pick<AuditEntry, "before" | "after"> {
  return {
    before: { version: fromVersion, ...Object.fromEntries(changes.map((c) => [c.field, c.before])) },
    after: { version: toVersion, ...Object.fromEntries(changes.map((c) => [c.field, c.after])) },
  };
}
