/**
 * Whether a failed statement broke a unique constraint (SQLSTATE 23505). drizzle wraps the driver's
 * error in its own, and postgres.js and PGlite both carry the state as `code`, so the chain of
 * causes is searched rather than one shape assumed.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e as Error & { code?: unknown }).code === "23505") return true;
  }
  return false;
}
