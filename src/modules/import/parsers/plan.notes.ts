import type {
  ParsedPlan,
  ParsedStatus,
  ParsedTarget,
  PlanRecommendation,
  PlanWarning,
  PlanWarningCode,
} from "../import.plan.js";
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
  if ("raw" in parsed)
    return parsed.raw !== null && parsed.raw === cleanText(printed) ? { ...parsed, raw: printed } : parsed;
  return parsed.text === cleanText(printed) ? { ...parsed, text: printed } : parsed;
}

/** Quoted cell text in a message is cut here: a warning names the problem, it does not copy a 1 MB cell. */
const maxQuotedChars = 120;

/** `text` for quoting in a warning message, cut to {@link maxQuotedChars} with an ellipsis and its full length. */
export function excerpt(text: string): string {
  if (text.length <= maxQuotedChars) return text;
  return `${text.slice(0, maxQuotedChars)}… (${text.length} characters)`;
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
    if (isUnparsedTarget(target))
      this.warn(
        line,
        "import.unparsed_date",
        `Line ${line}: target "${excerpt(target.raw ?? "")}" is not a date, period or "ongoing" the importer understands.`,
      );
    return target;
  }

  /** Parses a printed status, warning when a non-empty cell is not a status the rules know. */
  status(raw: string, line: number): ParsedStatus {
    const status = keepLines(parseStatus(raw), raw);
    if (isUnknownStatusText(status)) {
      this.warn(
        line,
        "import.unknown_status",
        `Line ${line}: status "${excerpt(status.text)}" is not one the importer understands.`,
      );
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
      this.warn(
        line,
        "import.unparsed_date",
        `Line ${line}: "${excerpt(status.text)}" names neither a target the importer understands nor a status.`,
      );
    }
    return { target, status };
  }

  /**
   * The finished plan, with every recommendation's reference made unique (see
   * {@link PlanNotes.uniqueReferences}). `printed` holds the recommendations whose reference the
   * document prints; the others carry their order as a string.
   */
  finish(
    plan: Omit<ParsedPlan, "warnings" | "unplaced">,
    printed: ReadonlySet<PlanRecommendation> = new Set(),
  ): ParsedPlan {
    const recommendations = this.uniqueReferences(plan.recommendations, printed);
    const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;
    return {
      ...plan,
      recommendations,
      warnings: [...this.warnings].sort(byLine),
      unplaced: [...this.unplaced].sort(byLine),
    };
  }

  /**
   * The database keys a recommendation by its challenge and reference, and a newer version of a
   * plan is matched by reference, so references must be unique within a plan. A printed reference
   * keeps its text where it first appears; a repeat ("1", "2", "1"), or an order number given to an
   * unnumbered recommendation that another one prints, becomes "1 (2)", "1 (3)", … (the first such
   * text nobody uses), with a warning naming its line. Printed references win over order numbers
   * because they are what the council and its readers use.
   */
  private uniqueReferences(
    recommendations: readonly PlanRecommendation[],
    printed: ReadonlySet<PlanRecommendation>,
  ): PlanRecommendation[] {
    const owners = new Map<string, PlanRecommendation>();
    for (const recommendation of recommendations) {
      if (printed.has(recommendation) && !owners.has(recommendation.reference))
        owners.set(recommendation.reference, recommendation);
    }
    const taken = new Set(owners.keys());
    // Where to resume counting for each reference, so that many repeats of one stay linear.
    const nextSuffix = new Map<string, number>();
    return recommendations.map((recommendation) => {
      const { reference, line } = recommendation;
      const owner = owners.get(reference);
      if (owner === recommendation) return recommendation;
      if (owner === undefined && !taken.has(reference)) {
        taken.add(reference);
        return recommendation;
      }
      let suffix = nextSuffix.get(reference) ?? 2;
      let unique = `${reference} (${suffix})`;
      while (taken.has(unique)) {
        suffix += 1;
        unique = `${reference} (${suffix})`;
      }
      nextSuffix.set(reference, suffix + 1);
      taken.add(unique);
      const clash = owner === undefined ? "another recommendation" : `the recommendation at line ${owner.line}`;
      this.warn(
        line,
        "import.duplicate_reference",
        printed.has(recommendation)
          ? `Line ${line}: reference "${excerpt(reference)}" is already used by ${clash}; this recommendation is "${excerpt(unique)}".`
          : `Line ${line}: this recommendation prints no reference and its order "${reference}" is printed by ${clash}; it is "${unique}".`,
      );
      return { ...recommendation, reference: unique };
    });
  }
}

/** A target for layouts with no target column at all. */
export function noTarget(): ParsedTarget {
  return parseTarget(null);
}
