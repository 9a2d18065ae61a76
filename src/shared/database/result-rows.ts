/* Values of `db.execute` rows, read the same whichever driver handed them back. */

/** Rows of `db.execute`, whichever the driver: postgres.js returns an array, PGlite an object holding `rows`. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows: unknown = Array.isArray(result)
    ? result
    : typeof result === "object" && result !== null && "rows" in result
      ? result.rows
      : null;
  if (!Array.isArray(rows)) throw new Error("unexpected result shape from db.execute");
  return rows.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null);
}

// Both drivers may hand back numbers as strings (bigint, numeric): read every value defensively.
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n =
    typeof value === "number" ? value : typeof value === "string" || typeof value === "bigint" ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw new Error(`expected a number from the database, got ${JSON.stringify(value)}`);
  return n;
}

export function int(value: unknown): number {
  return num(value) ?? 0;
}

export function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "string") throw new Error(`expected text from the database, got ${JSON.stringify(value)}`);
  return value;
}
