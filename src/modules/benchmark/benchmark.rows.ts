import { actionStatuses, type ActionStatusValue } from "../action/action.values.js";
import { emptyMeasures, measureDefinitions, type MeasureValues } from "./benchmark.measures.js";
import type { BenchmarkPartition, BenchmarkRowValues } from "./benchmark.model.js";
import { int, num, text } from "../../shared/database/result-rows.js";

/* Database rows into benchmark values: one place that knows how each driver hands values back. */

function status(value: unknown): ActionStatusValue | null {
  const name = text(value);
  if (name === null) return null;
  const found = actionStatuses.find((s) => s === name);
  if (found === undefined) throw new Error(`unexpected action status ${name} from the database`);
  return found;
}

export function readMeasures(row: Record<string, unknown>): MeasureValues {
  const values = emptyMeasures();
  for (const d of measureDefinitions) {
    const raw = row[d.field];
    if (d.kind === "date") values.lastUpdatedOn = text(raw);
    else if (d.kind === "count") values[d.field] = int(raw);
    else values[d.field] = num(raw);
  }
  return values;
}

function readRow(row: Record<string, unknown>): BenchmarkRowValues {
  return {
    councilId: num(row["d_council_id"]),
    lgaComponentId: num(row["d_component_id"]),
    themeId: num(row["d_theme_id"]),
    status: status(row["d_status"]),
    councilTypeCode: text(row["d_council_type_code"]),
    councilTypeName: text(row["d_council_type_name"]),
    region: text(row["d_region"]),
    peerChallengeId: num(row["d_peer_challenge_id"]),
    deadlineQuarterStart: text(row["d_deadline_quarter"]),
    deadlineYearStart: text(row["d_deadline_year"]),
    measures: readMeasures(row),
  };
}

/** Splits the statement's rows into one partition per period (empty periods get zero totals). */
export function partitions(rows: Record<string, unknown>[], periods: number): BenchmarkPartition[] {
  const result: BenchmarkPartition[] = Array.from({ length: periods }, () => ({
    rows: [],
    totals: emptyMeasures(),
    rowCount: 0,
  }));
  for (const row of rows) {
    const part = result[int(row["period"])];
    if (!part) throw new Error(`benchmark statement returned an unknown period ${String(row["period"])}`);
    if (row["kind"] === "total") {
      part.totals = readMeasures(row);
      // Carried on the totals row so that it survives `first` cutting every row.
      part.rowCount = int(row["row_count"]);
    } else part.rows.push(readRow(row));
  }
  return result;
}
