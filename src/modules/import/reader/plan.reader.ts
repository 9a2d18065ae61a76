/**
 * The one plan reader: any published document is lowered to the document model, every way of
 * segmenting it into a plan is tried (tables, sections, and for text the layout-family parsers), each
 * reading is scored by the confidence of its fields, and the best plan-shaped one is kept. Pure:
 * bytes in, plan out, no database.
 */
import type { Block, DocumentFormat, DocumentModel } from "../document/document.model.js";
import { loadDocument } from "../document/document.reader.js";
import type {
  ActionField,
  LowConfidenceField,
  ParsedPlan,
  ReadAction,
  ReadPlan,
  ReadRecommendation,
  RecommendationField,
} from "../import.plan.js";
import { PlanParseError } from "../parsers/parse.errors.js";
import { parsePlan } from "../parsers/plan.parser.js";
import { lowConfidence, placement, scoredLead, scoreStatus, scoreTarget, scoredText } from "./field.evidence.js";
import { applyColourKey, readColourKey } from "./colour-key.js";
import { withoutFurniture } from "./furniture.js";
import type { Candidate } from "./plan.builder.js";
import { weighPlanEvidence } from "./plan.gate.js";
import { segmentSections } from "./sections.segmenter.js";
import { segmentTables } from "./table.segmenter.js";
import { readCellLines } from "./cell-lines.reading.js";

export interface ReadOptions {
  /** The name the document came with; a hint only, the content decides the format. */
  filename?: string | null;
}

/**
 * How much a layout-family parser's reading of the stored text counts against the model's readings.
 * For plain text the parsers were written and reviewed for exactly these layouts, so they keep
 * their reading unless another is clearly better; where the format keeps its structure (Markdown,
 * CSV) or the model rebuilt it (PDF, DOCX, XLSX), the model's readings come first and the parsers
 * are the fallback. HTML's stored text is
 * markup, not for them.
 */
const layoutParserWeight: Partial<Record<DocumentFormat, number>> = {
  TEXT: 1.1,
  MARKDOWN: 0.8,
  CSV: 0.8,
  PDF: 0.8,
  DOCX: 0.8,
  XLSX: 0.8,
};

/**
 * Reads an action plan from a published document (HTML, PDF, DOCX, XLSX, CSV, Markdown or text).
 * Throws PlanParseError for documents that cannot be read or hold no plan (`import.no_plan_found`).
 */
export async function readPlanDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadPlan> {
  const model = await loadDocument(bytes, options.filename ?? null);
  return readPlanModel(model);
}

/** One way of segmenting a document into a plan. */
interface Reading {
  name: string;
  /** How much its score counts against the others' (see layoutParserWeight). */
  weight: number;
  read(model: DocumentModel, kept: readonly Block[]): Candidate | null;
}

function readings(model: DocumentModel): Reading[] {
  const out: Reading[] = [];
  const parserWeight = layoutParserWeight[model.format];
  // Where the format's own reader rebuilt tables, a parser reading the same tables from the flat
  // extraction can only see less of their structure.
  const rebuiltTables = model.format !== "TEXT" && model.blocks.some((b) => b.kind === "table");
  if (parserWeight !== undefined && !rebuiltTables)
    out.push({
      name: "layout parsers",
      weight: parserWeight,
      read: (m) => {
        try {
          return fromLayoutParser(parsePlan(m.text));
        } catch (error) {
          // Empty, binary and oversized documents are refused whichever way they are read.
          if (error instanceof PlanParseError && error.reason === "import.unknown_layout") return null;
          throw error;
        }
      },
    });
  out.push({ name: "tables", weight: 1, read: (m, kept) => segmentTables(kept, m.title) });
  if (model.format === "TEXT")
    out.push({
      name: "cells one per line",
      weight: 1,
      // A web table pasted as text: rebuilt into tables, read in place of its lines.
      read: (m, kept) => readCellLines(m.text, kept, m.title),
    });
  out.push({ name: "sections", weight: 1, read: (m, kept) => segmentSections(kept, m.title) });
  return out;
}

/**
 * Above this much text, the readings compete on the document's first part only and the winner
 * alone reads the whole: a layout shows in its first pages, and reading a 5 MB table four ways
 * would cost four times the one way that wins.
 */
const choosingPrefixChars = 256 * 1024;

/** The document's first part, whole blocks and table rows up to the line the prefix ends on. */
function prefixOf(model: DocumentModel): DocumentModel {
  const text = model.text.slice(0, choosingPrefixChars);
  const lastLine = text.split("\n").length;
  const blocks: Block[] = [];
  for (const block of model.blocks) {
    if (block.source.line > lastLine) break;
    if (block.kind !== "table") blocks.push(block);
    else blocks.push({ ...block, rows: block.rows.filter((row) => row.source.line <= lastLine) });
  }
  return { ...model, text: text.slice(0, text.lastIndexOf("\n") + 1) || text, blocks };
}

function weigh(model: DocumentModel, chosen: readonly Reading[]) {
  const { kept } = withoutFurniture(model.blocks);
  return chosen
    .flatMap((reading) => {
      const candidate = reading.read(model, kept);
      return candidate ? [{ reading, candidate }] : [];
    })
    .map(({ reading, candidate }) => ({
      reading,
      candidate,
      evidence: weighPlanEvidence(candidate, model.text),
      score: score(candidate) * reading.weight,
    }))
    .sort((x, y) => y.score - x.score);
}

/** The same reader over a document already lowered to the model. */
export function readPlanModel(model: DocumentModel): ReadPlan {
  const all = readings(model);
  const large = model.text.length > choosingPrefixChars * 2;
  let weighed = weigh(large ? prefixOf(model) : model, all);
  if (large) {
    const winner = weighed.find((w) => w.evidence.accepted);
    weighed = weigh(model, winner ? [winner.reading] : all);
  }
  const best = weighed.find((w) => w.evidence.accepted);
  if (!best) {
    const why = weighed[0]?.evidence.reasons.join("; ") ?? "nothing in it reads as recommendations and actions";
    throw new PlanParseError("import.no_plan_found", `The document holds no action plan: ${why}.`);
  }
  const key = readColourKey(model.blocks);
  for (const rec of best.candidate.recommendations)
    for (const action of rec.actions) action.status = applyColourKey(action.status, key);
  return finish(best.candidate, best.evidence.strength, best.evidence.reasons, model);
}

/**
 * What a reading is worth: its actions, each weighted by how sure the reader is of the fields it
 * found, plus its recommendations. A reading that finds more of the plan, more surely, wins.
 */
function score(candidate: Candidate): number {
  let total = 0;
  for (const rec of candidate.recommendations) {
    total += 0.5 * rec.confidence.text;
    for (const a of rec.actions) {
      total += 0.4 * a.confidence.text;
      if (a.lead !== null) total += 0.2 * a.confidence.lead;
      if (a.target.deadline !== null) total += 0.2 * a.confidence.target;
      if (a.status !== null && a.status.text !== "") total += 0.2 * a.confidence.status;
    }
  }
  return total;
}

/** A layout-family parser's plan, scored by the same evidence as the model reader's readings. */
function fromLayoutParser(plan: ParsedPlan): Candidate {
  const reasons = new Map<string, string>();
  const recommendations: ReadRecommendation[] = plan.recommendations.map((rec) => {
    const text = scoredText(rec.text, placement.header);
    if (text.reason) reasons.set(`${rec.reference}.0.text`, text.reason);
    const actions: ReadAction[] = rec.actions.map((a) => {
      const fields = {
        text: scoredText(a.text, placement.header),
        lead: scoredLead(a.lead, a.lead === null ? placement.absent : placement.header),
        target: scoreTarget(a.target, a.target.raw === null ? placement.absent : placement.header),
        status: scoreStatus(a.status, a.status === null ? placement.absent : placement.header),
      };
      for (const [field, scored] of Object.entries(fields))
        if (scored.reason) reasons.set(`${rec.reference}.${a.order}.${field}`, scored.reason);
      return {
        ...a,
        confidence: {
          text: fields.text.confidence,
          lead: fields.lead.confidence,
          target: fields.target.confidence,
          status: fields.status.confidence,
        },
        source: { line: a.line },
        why: `line ${a.line}: read by the ${plan.layout} layout parser`,
      };
    });
    return {
      ...rec,
      actions,
      confidence: { reference: placement.header, text: text.confidence },
      source: { line: rec.line },
      why: `line ${rec.line}: read by the ${plan.layout} layout parser`,
    };
  });
  return {
    layout: plan.layout,
    title: plan.title,
    recommendations,
    warnings: plan.warnings,
    unplaced: plan.unplaced,
    reasons,
    evidence: {
      headerRoles: plan.layout === "DELIMITED_TABLE" || plan.layout === "FLATTENED_TABLE" ? 3 : 0,
      numbered: 0,
    },
  };
}

function finish(candidate: Candidate, strength: number, gateReasons: string[], model: DocumentModel): ReadPlan {
  const low: LowConfidenceField[] = [];
  const all: number[] = [];
  const note = (
    rec: ReadRecommendation,
    order: number | null,
    field: ActionField | RecommendationField,
    value: string | null,
    confidence: number,
    line: number,
  ) => {
    all.push(confidence);
    if (confidence >= lowConfidence) return;
    const reason =
      candidate.reasons.get(`${rec.reference}.${order ?? 0}.${field}`) ??
      "found by position or content only, not under a column or label that names it";
    low.push({ reference: rec.reference, order, field, value, confidence: round(confidence), reason, line });
  };
  for (const rec of candidate.recommendations) {
    note(rec, null, "reference", rec.reference, rec.confidence.reference, rec.line);
    note(rec, null, "text", rec.text, rec.confidence.text, rec.line);
    for (const a of rec.actions) {
      note(rec, a.order, "text", a.text, a.confidence.text, a.line);
      note(rec, a.order, "lead", a.lead, a.confidence.lead, a.line);
      note(rec, a.order, "target", a.target.raw, a.confidence.target, a.line);
      note(rec, a.order, "status", a.status?.text ?? null, a.confidence.status, a.line);
    }
  }
  const mean = all.length === 0 ? 0 : all.reduce((n, c) => n + c, 0) / all.length;
  const reasons = [...gateReasons];
  const byField = new Map<string, number>();
  for (const f of low) byField.set(f.field, (byField.get(f.field) ?? 0) + 1);
  for (const [field, count] of byField)
    reasons.push(`${count} ${field} field${count === 1 ? "" : "s"} read with low confidence`);
  return {
    format: model.format,
    layout: candidate.layout,
    title: candidate.title,
    recommendations: candidate.recommendations,
    warnings: candidate.warnings,
    unplaced: candidate.unplaced,
    confidence: { overall: round(mean * strength), reasons },
    lowConfidence: low,
    text: model.text,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
