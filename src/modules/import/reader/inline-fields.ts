/**
 * An action's lead, target and status printed inside its own line, as list layouts do:
 * "Agree the budget – Lead: Director of Resources – by March 2025 – Status: Green",
 * "Review fees (Owner: Head of Finance) (June 2025)", "… Responsible: X. Target date: Y.".
 * The line is cut into pieces at separators; the action's text is everything before the first piece
 * that is a field, so a dash inside the action's own words stays where it is.
 */
import { matchTrailingStatus, parseStatus, isUnknownStatusText } from "../normalise/status.normaliser.js";
import { matchTrailingTarget, parseTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { placement, wordCount } from "./field.evidence.js";
import { fieldLabels } from "./reader.lexicon.js";

export interface InlineFields {
  text: string;
  lead: string | null;
  target: string | null;
  status: string | null;
  update: string | null;
  /** How each field was found: after its label (placement.label) or by what it says (placement.inline). */
  where: Partial<Record<"lead" | "target" | "status", number>>;
}

/** Where one piece ends and the next begins: semicolons, bars, spaced dashes, sentence stops, brackets. */
const separator =
  /\s*(?:[;|\n]|\s[–—-]\s|\.\s+|[()])\s*|\s+(?=(?:lead(?: officer)?|owner|action owner|responsible(?: officer)?|accountable|target(?: date)?|deadline|due(?: date)?|by when|timescales?|status|rag(?: status)?|progress|update|comments?)\s*:)/giu;
const labelled = /^([\p{L}][\p{L} /&]{0,30}?)\s*[:=]\s*(.+)$/su;
/** "by March 2025", "target June 2025", "due Q3 2025/26": a target whose label has no colon. */
const unlabelledTarget =
  /^(?:target(?: date)?|deadline|due(?: date| by)?|by when|by|timescale|complete(?:d)? by|to be completed by)\s+(.+)$/iu;

type FieldName = "lead" | "target" | "status" | "update";

interface Piece {
  start: number;
  text: string;
}

function pieces(raw: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const match of raw.matchAll(separator)) {
    out.push({ start: at, text: raw.slice(at, match.index) });
    at = match.index + match[0].length;
  }
  out.push({ start: at, text: raw.slice(at) });
  return out.filter((p) => cleanText(p.text) !== "");
}

function isDate(text: string): boolean {
  const target = parseTarget(text);
  return target.deadline !== null || target.precision === "ONGOING";
}

function isStatus(text: string): boolean {
  if (wordCount(text) > 4) return false;
  const status = parseStatus(text);
  return !isUnknownStatusText(status) && (status.status !== "UNKNOWN" || status.rag !== null);
}

/** The field a piece holds, if it holds one. */
function fieldOf(piece: string): { field: FieldName; value: string; where: number } | null {
  const text = cleanText(piece);
  const match = labelled.exec(text);
  if (match) {
    const found = fieldLabels.find((f) => f.pattern.test(match[1]!.trim()));
    if (found && found.field !== "action")
      return { field: found.field, value: match[2]!.trim(), where: placement.label };
  }
  const target = unlabelledTarget.exec(text);
  if (target && isDate(target[1]!)) return { field: "target", value: target[1]!, where: placement.label };
  if (wordCount(text) <= 6 && isDate(text) && /\d|ongoing|business as usual|bau/i.test(text))
    return { field: "target", value: text, where: placement.inline };
  if (isStatus(text)) return { field: "status", value: text, where: placement.inline };
  return null;
}

/** Brackets that are part of a value ("Director of Resources (s151)"), kept through the split. */
const keptOpen = "\u2329";
const keptClose = "\u232A";

function protectShortBrackets(raw: string): string {
  return raw.replace(/\(([^()]{1,15})\)/gu, (whole, inner: string) =>
    isDate(inner) || isStatus(inner) || labelled.test(inner) ? whole : `${keptOpen}${inner}${keptClose}`,
  );
}

function restoreBrackets(text: string | null): string | null {
  return text === null ? null : text.replaceAll(keptOpen, "(").replaceAll(keptClose, ")");
}

export function inlineFields(printed: string): InlineFields {
  const read = splitFields(protectShortBrackets(printed));
  return {
    ...read,
    text: restoreBrackets(read.text) ?? "",
    lead: restoreBrackets(read.lead),
    target: restoreBrackets(read.target),
    status: restoreBrackets(read.status),
    update: restoreBrackets(read.update),
  };
}

function splitFields(raw: string): InlineFields {
  const out: InlineFields = { text: raw, lead: null, target: null, status: null, update: null, where: {} };
  const parts = pieces(raw);
  const firstField = parts.findIndex((p, i) => i > 0 && fieldOf(p.text) !== null);
  const leadingField = parts.length > 0 && labelled.test(cleanText(parts[0]!.text)) ? fieldOf(parts[0]!.text) : null;
  const from = leadingField ? 0 : firstField;
  if (from === -1) return trailingFields(out, raw);
  out.text = cleanText(raw.slice(0, parts[from]!.start)).replace(/[\s,;:|.(–—-]+$/u, "");
  let last: FieldName | null = null;
  for (const part of parts.slice(from)) {
    const found = fieldOf(part.text);
    // "Progress: Green": a progress label over a status word is the status.
    if (found && found.field === "update" && out.status === null && isStatus(found.value)) {
      out.status = cleanText(found.value);
      out.where.status = placement.label;
      last = "status";
      continue;
    }
    if (found && (found.field === "update" || out[found.field] === null)) {
      out[found.field] = cleanText(found.value);
      if (found.field !== "update") out.where[found.field] = found.where;
      last = found.field;
      continue;
    }
    const text = cleanText(part.text);
    // "Lead: Assistant Director – Finance": a short capitalised piece after a lead is more of the lead.
    if (last === "lead" && wordCount(text) <= 5 && /^\p{Lu}/u.test(text)) out.lead = `${out.lead} – ${text}`;
    else out.update = out.update === null ? text : `${out.update} ${text}`;
  }
  return out;
}

/** No field pieces: a date or status may still end the text ("… by March 2025", "… - Complete"). */
function trailingFields(out: InlineFields, raw: string): InlineFields {
  let text = cleanText(raw);
  const status = matchTrailingStatus(text);
  if (status && wordCount(status.rest) >= 3) {
    out.status = status.status;
    out.where.status = placement.inline;
    text = status.rest.replace(/[\s,;:|–—-]+$/u, "");
  }
  const target = matchTrailingTarget(text);
  if (target && wordCount(target.rest) >= 3) {
    out.target = target.target;
    out.where.target = placement.inline;
    text = target.rest.replace(/[\s,;:|–—-]+$/u, "");
  }
  out.text = text;
  return out;
}
