/**
 * How sure the reader is of a field, from where the value was found and how it normalised. One home
 * for every confidence figure, so that "why is this 0.4?" has one answer to look up.
 */
import type { ParsedStatus, ParsedTarget } from "../import.plan.js";
import { splitRoles } from "../normalise/role.lexicon.js";
import { isUnknownStatusText, parseStatus } from "../normalise/status.normaliser.js";
import { isUnparsedTarget, parseTarget } from "../normalise/target.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { codeMarks, councilWork, referenceCell } from "./reader.lexicon.js";

/** Where a value came from, strongest first. */
export const placement = {
  /** Under a header cell the column vocabulary names exactly, or after a printed label ("Lead:"). */
  header: 0.95,
  label: 0.9,
  /** Under a header cell matched by keyword. */
  keyword: 0.85,
  /** Repeated from the row above within the same recommendation (a merged or blank cell). */
  carried: 0.8,
  /** Cut from the end of an action's own text ("… – by March 2025"). */
  inline: 0.7,
  /** In a column whose header says nothing, recognised by what its cells hold. */
  content: 0.65,
  /** The layout has no place for the field at all: null is very likely right. */
  absent: 0.9,
} as const;

/** Fields under this confidence are listed in the import report for a person to check. */
export const lowConfidence = 0.6;

export interface Scored<T> {
  value: T;
  confidence: number;
  /** Why, when the confidence is low; null otherwise. */
  reason: string | null;
}

export function scoredTarget(raw: string | null, where: number): Scored<ParsedTarget> {
  return scoreTarget(parseTarget(raw), where);
}

/** The same, for a target already parsed. */
export function scoreTarget(target: ParsedTarget, where: number): Scored<ParsedTarget> {
  const raw = target.raw;
  if (raw === null || cleanText(raw) === "") return { value: target, confidence: where, reason: null };
  if (isUnparsedTarget(target))
    return { value: target, confidence: where * 0.4, reason: `"${excerpt(raw)}" is not a date the reader knows` };
  return { value: target, confidence: where, reason: null };
}

export function scoredStatus(raw: string | null, where: number): Scored<ParsedStatus | null> {
  return scoreStatus(raw === null ? null : parseStatus(raw), where);
}

/** The same, for a status already parsed. */
export function scoreStatus(status: ParsedStatus | null, where: number): Scored<ParsedStatus | null> {
  if (status === null) return { value: null, confidence: where, reason: null };
  const raw = status.text;
  if (isUnknownStatusText(status))
    return { value: status, confidence: where * 0.5, reason: `"${excerpt(raw)}" is not a status the reader knows` };
  return { value: status, confidence: where, reason: null };
}

export function scoredLead(raw: string | null, where: number): Scored<string | null> {
  const lead = raw === null ? null : cleanText(raw);
  if (lead === null || lead === "") return { value: null, confidence: where, reason: null };
  if (wordCount(lead) > 15)
    return { value: lead, confidence: where * 0.5, reason: "a lead this long is probably prose, not a name or post" };
  return { value: lead, confidence: where, reason: null };
}

export function scoredText(text: string, where: number): Scored<string> {
  if (text === "") return { value: text, confidence: 0.2, reason: "no text" };
  if (wordCount(text) < 3)
    return { value: text, confidence: where * 0.7, reason: "very short for an action or recommendation" };
  return { value: text, confidence: where, reason: null };
}

export function excerpt(text: string): string {
  const clean = cleanText(text);
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** What a cell's text looks like, for columns whose header says nothing. */
export interface CellProfile {
  date: boolean;
  status: boolean;
  reference: boolean;
  lead: boolean;
  words: number;
}

export function profileCell(text: string): CellProfile {
  // A packed cell (one value per line for several actions) is what most of its lines are.
  const lines = text.split("\n").filter((line) => cleanText(line) !== "");
  if (lines.length > 1) {
    const each = lines.slice(0, 20).map((line) => profileLine(line.replace(/^[•▪◦●‣·*\-–]\s*/u, "")));
    const most = (pick: (p: CellProfile) => boolean) => each.filter(pick).length * 2 >= each.length;
    return {
      date: most((p) => p.date),
      status: most((p) => p.status),
      reference: false,
      lead: most((p) => p.lead),
      words: wordCount(cleanText(text)),
    };
  }
  return profileLine(text);
}

function profileLine(text: string): CellProfile {
  const clean = cleanText(text);
  const words = wordCount(clean);
  const short = words <= 8 && clean.length <= 80;
  const target = short ? parseTarget(clean) : null;
  const status = short ? parseStatus(clean) : null;
  return {
    date: target !== null && target.deadline !== null,
    status: status !== null && !isUnknownStatusText(status) && (status.status !== "UNKNOWN" || status.rag !== null),
    reference: referenceCell.test(clean),
    lead: short && !/[.;]$/.test(clean) && /^\p{Lu}/u.test(clean) && splitRoles(clean).length > 0 && words <= 8,
    words,
  };
}

const notLetters = /\P{L}+/gu;

/** Prose a council would write about its own business, not code, markup or a list of names. */
export function isPlanProse(text: string): boolean {
  const clean = cleanText(text);
  if (wordCount(clean) < 3) return false;
  if (codeMarks.test(clean)) return false;
  return clean.replace(notLetters, "").length / clean.length > 0.7;
}

export function mentionsCouncilWork(text: string): boolean {
  return councilWork.test(text);
}
