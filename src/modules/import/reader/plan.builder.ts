import type { SourceRef } from "../document/document.model.js";
import type {
  ParsedStatus,
  ParsedTarget,
  PlanLayout,
  PlanWarning,
  ReadAction,
  ReadRecommendation,
} from "../import.plan.js";
import { isUnknownStatusText } from "../normalise/status.normaliser.js";
import { isUnparsedTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { excerpt, placement, type Scored, scoredText } from "./field.evidence.js";

/** Each line whitespace-cleaned, blank lines dropped: a cell's own line structure (packed bullets) survives. */
export function cleanLines(text: string): string {
  return text
    .split("\n")
    .map((line) => cleanText(line))
    .filter((line) => line !== "")
    .join("\n");
}

/** One way of reading a document as a plan; the reader keeps the best-scoring one. */
export interface Candidate {
  layout: PlanLayout;
  title: string | null;
  recommendations: ReadRecommendation[];
  warnings: PlanWarning[];
  unplaced: { line: number; text: string }[];
  /** Why fields scored low, keyed "reference.order.field" (order 0 for the recommendation's own). */
  reasons: Map<string, string>;
  /** Plan-shaped structure found: header cells naming plan columns, printed recommendation numbers. */
  evidence: { headerRoles: number; numbered: number };
}

export interface RecommendationStart {
  reference: string | null;
  title?: string | null;
  text: string;
  textWhere?: number;
  themeLabel?: string | null;
  position?: string | null;
  accountable?: string | null;
  responsible?: string | null;
  source: SourceRef;
  why: string;
}

export interface ActionFields {
  text: string;
  textWhere: number;
  lead: Scored<string | null>;
  target: Scored<ParsedTarget>;
  status: Scored<ParsedStatus | null>;
  update?: string | null;
  source: SourceRef;
  why: string;
}

/** Collects recommendations and actions in document order, numbering and scoring them as it goes. */
export class PlanBuilder {
  readonly recommendations: ReadRecommendation[] = [];
  readonly warnings: PlanWarning[] = [];
  readonly reasons = new Map<string, string>();
  private readonly references = new Set<string>();
  numbered = 0;

  get current(): ReadRecommendation | undefined {
    return this.recommendations.at(-1);
  }

  startRecommendation(start: RecommendationStart): ReadRecommendation {
    const order = this.recommendations.length + 1;
    let reference = start.reference === null ? null : cleanText(start.reference).replace(/[.:)]$/, "");
    if (reference !== null && reference !== "") this.numbered++;
    if (reference === null || reference === "") reference = String(order);
    if (this.references.has(reference)) {
      this.warnings.push({
        line: start.source.line,
        code: "import.duplicate_reference",
        message: `Recommendation ${reference} is printed twice; the second is filed as ${reference}-${order}.`,
      });
      reference = `${reference}-${order}`;
    }
    this.references.add(reference);
    const text = scoredText(cleanLines(start.text), start.textWhere ?? placement.header);
    if (text.reason) this.reasons.set(`${reference}.0.text`, text.reason);
    const rec: ReadRecommendation = {
      reference,
      order,
      kind: "RECOMMENDATION",
      title: start.title ?? null,
      text: text.value,
      position: start.position ?? null,
      accountable: start.accountable ?? null,
      responsible: start.responsible ?? null,
      themeLabel: start.themeLabel ?? null,
      actions: [],
      line: start.source.line,
      confidence: { reference: start.reference ? placement.header : placement.absent, text: text.confidence },
      source: start.source,
      why: start.why,
    };
    this.recommendations.push(rec);
    return rec;
  }

  addAction(fields: ActionFields): ReadAction | null {
    const rec = this.current;
    if (!rec) return null;
    const text = scoredText(cleanLines(fields.text), fields.textWhere);
    if (text.value === "") return null;
    const order = rec.actions.length + 1;
    const key = `${rec.reference}.${order}`;
    for (const [field, scored] of [
      ["text", text],
      ["lead", fields.lead],
      ["target", fields.target],
      ["status", fields.status],
    ] as const) {
      if (scored.reason) this.reasons.set(`${key}.${field}`, scored.reason);
    }
    const target = fields.target.value;
    if (target.raw !== null && isUnparsedTarget(target)) {
      this.warnings.push({
        line: fields.source.line,
        code: "import.unparsed_date",
        message: `Target "${excerpt(target.raw)}" of action ${key} is not a date; the action has no deadline.`,
      });
    }
    const status = fields.status.value;
    if (status !== null && isUnknownStatusText(status)) {
      this.warnings.push({
        line: fields.source.line,
        code: "import.unknown_status",
        message: `Status "${excerpt(status.text)}" of action ${key} is not one the reader knows; it is UNKNOWN.`,
      });
    }
    const action: ReadAction = {
      order,
      text: text.value,
      lead: fields.lead.value,
      target,
      status,
      update: fields.update ? cleanLines(fields.update) || null : null,
      line: fields.source.line,
      confidence: {
        text: text.confidence,
        lead: fields.lead.confidence,
        target: fields.target.confidence,
        status: fields.status.confidence,
      },
      source: fields.source,
      why: fields.why,
    };
    rec.actions.push(action);
    return action;
  }

  candidate(
    layout: PlanLayout,
    title: string | null,
    unplaced: { line: number; text: string }[],
    headerRoles: number,
  ): Candidate {
    return {
      layout,
      title,
      recommendations: this.recommendations,
      warnings: this.warnings,
      unplaced,
      reasons: this.reasons,
      evidence: { headerRoles, numbered: this.numbered },
    };
  }
}
