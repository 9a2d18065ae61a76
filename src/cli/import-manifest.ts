import path from "node:path";
import { parse, type InfoRecord } from "csv-parse/sync";
import { badManifest } from "../modules/import/import.errors.js";

/** One document of a bulk import: what the command line's --council, --challenge and --recorded-on say for a single file. */
export interface ManifestEntry {
  file: string;
  council: string;
  challenge: string | null;
  recordedOn: string | null;
  /** Where the entry is in the manifest: its CSV line, or its number in the JSON array (from 1). */
  where: { line: number } | { entry: number };
}

// Spellings a spreadsheet's header or a JSON key may use for each field.
const fieldNames: Record<string, keyof Omit<ManifestEntry, "where">> = {
  file: "file",
  council: "council",
  challenge: "challenge",
  recorded_on: "recordedOn",
  "recorded-on": "recordedOn",
  recordedon: "recordedOn",
};
const required = ["file", "council"] as const;

/**
 * Reads a bulk import's manifest — CSV with a header row (`file,council,challenge,recorded_on`) or
 * JSON (an array of `{ file, council, challenge?, recordedOn? }`) — into entries whose files are
 * resolved against the manifest's folder. Pure: it reads no file. Anything unusable is refused
 * whole, naming the line and column, before a single document is imported.
 */
export function parseManifest(text: string, manifestPath: string): ManifestEntry[] {
  const folder = path.dirname(manifestPath);
  // A CSV header cannot start with a bracket or brace: JSON can only start with one.
  const rows = /^\s*[[{]/.test(text) ? jsonRows(text) : csvRows(text);
  if (rows.length === 0) throw badManifest(`The manifest ${manifestPath} lists no documents`);
  return rows.map(({ values, where }) => {
    const entry: Partial<Record<keyof Omit<ManifestEntry, "where">, string | null>> = {};
    for (const [key, value] of Object.entries(values)) {
      const field = fieldNames[key.trim().toLowerCase()];
      if (field === undefined) {
        throw badManifest(`Unknown manifest field "${key}" (expected file, council, challenge, recorded_on)`, where);
      }
      if (value !== null && typeof value !== "string") {
        throw badManifest(`Manifest field "${key}" must be text`, where);
      }
      entry[field] = value === null || value.trim() === "" ? null : value.trim();
    }
    for (const field of required) {
      if (!entry[field]) throw badManifest(`Manifest entry has no ${field}`, where);
    }
    return {
      file: path.resolve(folder, entry.file ?? ""),
      council: entry.council ?? "",
      challenge: entry.challenge ?? null,
      recordedOn: entry.recordedOn ?? null,
      where,
    };
  });
}

interface ManifestRow {
  values: Record<string, unknown>;
  where: ManifestEntry["where"];
}

function csvRows(text: string): ManifestRow[] {
  try {
    const records: { record: Record<string, unknown>; info: InfoRecord }[] = parse(text, {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    });
    return records.map(({ record, info }) => ({ values: record, where: { line: info.lines } }));
  } catch (error) {
    const where = error as { lines?: number; column?: number };
    throw badManifest(`The manifest is not readable CSV: ${error instanceof Error ? error.message : String(error)}`, {
      ...(typeof where.lines === "number" ? { line: where.lines } : {}),
    });
  }
}

function jsonRows(text: string): ManifestRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badManifest(`The manifest is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(parsed)) throw badManifest("A JSON manifest must be an array of entries");
  return parsed.map((item: unknown, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw badManifest(`Manifest entry ${index + 1} must be an object`, { entry: index + 1 });
    }
    return { values: item as Record<string, unknown>, where: { entry: index + 1 } };
  });
}
