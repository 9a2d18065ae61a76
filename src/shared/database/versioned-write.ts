import type { Database } from "./database.js";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Outcome of a versioned write: the value written, or why there is none. */
export type VersionedWrite<T> = { ok: true; value: T } | { ok: false; why: "missing" | "stale" };

/** A stale write: thrown inside the transaction so that it rolls back, caught outside it. */
export class StaleWrite extends Error {}

/** Lock and deadlock failures PostgreSQL may raise under contention: answered as a conflict, never as internal. */
const contentionCodes = new Set(["40001", "40P01", "55P03"]);

export function isContention(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && contentionCodes.has(code)) return true;
  }
  return false;
}

/**
 * Runs `write` in a transaction as a versioned write: a stale version (StaleWrite) or lock
 * contention changes nothing and comes back as "stale"; an object gone since it was read as
 * "missing" (`stillThere` says which).
 */
export async function versionedTransaction<T>(
  db: Database,
  write: (tx: Transaction) => Promise<T>,
  stillThere: () => Promise<boolean>,
): Promise<VersionedWrite<T>> {
  try {
    return { ok: true, value: await db.transaction(write) };
  } catch (error) {
    if (!(error instanceof StaleWrite) && !isContention(error)) throw error;
    return { ok: false, why: (await stillThere()) ? "stale" : "missing" };
  }
}

/** The same write inside a caller's transaction: a stale version comes back as "stale", the rest is the caller's. */
export async function versionedWithin<T>(write: () => Promise<T>): Promise<VersionedWrite<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof StaleWrite) return { ok: false, why: "stale" };
    throw error;
  }
}
