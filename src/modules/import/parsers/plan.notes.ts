import type { ParsedPlan, ParsedStatus, ParsedTarget, PlanWarning, PlanWarningCode } from "../import.plan.js";
import { isUnknownStatusText, parseStatus } from "../normalise/status.normaliser.js";
import { isUnparsedTarget, parseTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import type { TextLine } from "./page-furniture.js";

/**
 * The normalisers fold all whitespace, newlines included, into single spaces. A cell that
 * `htmlCellToText` split into lines (Chelmsford's `<p>`s) keeps those lines in `raw`/`text`, like
 * every other text field taken from an HTML cell; the reading itself is unchanged.
 */
function keepLines<T extends ParsedTarget | ParsedStatus>(parsed: T, printed: string): T {
  if (!printed.includes("\n")) return parsed;
  if ("raw" in parsed) return parsed.raw !== null && parsed.raw === cleanText(printed) ? { ...parsed, raw: printed } : parsed;
  return parsed.text === cleanText(printed) ? { ...parsed, text: printed } : parsed;
}

/** What every family parser accumulates besides its recommendations. */
export class PlanNotes {
  readonly warnings: PlanWarning[] = [];
  readonly unplaced: TextLine[] = [];

  warn(line: number, code: PlanWarningCode, message: string): void {
    this.warnings.push({ line, code, message });
  }

  unplace(line: number, text: string): void {
    if (text !== "") this.unplaced.push({ line, text });
  }

  /** Parses a printed target, warning when the phrase is there but names no period the rules know. */
  target(raw: string, line: number): ParsedTarget {
    const target = keepLines(parseTarget(raw), raw);
    if (isUnparsedTarget(target)) this.warn(line, "import.unparsed_date", `Line ${line}: target "${target.raw ?? ""}" is not a date, period or "ongoing" the importer understands.`);
    return target;
  }

  /** Parses a printed status, warning when a non-empty cell is not a status the rules know. */
  status(raw: string, line: number): ParsedStatus {
    const status = keepLines(parseStatus(raw), raw);
    if (isUnknownStatusText(status)) {
      this.warn(line, "import.unknown_status", `Line ${line}: status "${status.text}" is not one the importer understands.`);
    }
    return status;
  }

  /**
   * One cell holding both ("Complete January 2025. Ongoing", Chelmsford's "Timescale and status"):
   * a cell with only a date or only a status is normal there, so only a cell that yields neither warns.
   */
  targetAndStatus(raw: string, line: number): { target: ParsedTarget; status: ParsedStatus } {
    const target = keepLines(parseTarget(raw), raw);
    const status = keepLines(parseStatus(raw), raw);
    if (isUnparsedTarget(target) && isUnknownStatusText(status)) {
      this.warn(line, "import.unparsed_date", `Line ${line}: "${status.text}" names neither a target the importer understands nor a status.`);
    }
    return { target, status };
  }

  finish(plan: Omit<ParsedPlan, "warnings" | "unplaced">): ParsedPlan {
    const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
    return { ...plan, warnings: [...this.warnings].sort(byLine), unplaced: [...this.unplaced].sort(byLine) };
  }
}

/** A target for layouts with no target column at all. */
export function noTarget(): ParsedTarget {
  return parseTarget(null);
}
