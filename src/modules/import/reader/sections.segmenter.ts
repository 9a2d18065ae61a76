/**
 * Reads plans written as prose structure rather than tables: recommendations as numbered
 * paragraphs or headings, actions as list items or paragraphs beneath them, with their lead, target
 * and status as labelled lines ("Lead: …") or inline ("… – Lead: X – by March 2025").
 */
import type { Block, SourceRef } from "../document/document.model.js";
import { cleanText } from "../normalise/text.normaliser.js";
import {
  placement,
  profileCell,
  scoredLead,
  scoredStatus,
  scoredTarget,
  type Scored,
  wordCount,
} from "./field.evidence.js";
import { type Candidate, PlanBuilder } from "./plan.builder.js";
import { inlineFields } from "./inline-fields.js";
import { labelledField } from "./labelled-field.js";
import { type PrintedNumber, recommendationNumbers } from "./numbering-runs.js";
import { actionMarker, recommendationNumbering, subNumbering } from "./reader.lexicon.js";

type TextBlock = Exclude<Block, { kind: "table" }>;

const plainItemNumber = /^\d{1,2}[.)]\s+(?=\S)/u;

/** A list item, or a paragraph that is one in all but markup ("a) …", "1.2 …" on its own line). */
function isItem(block: TextBlock | undefined): boolean {
  if (block === undefined) return false;
  if (block.kind === "listItem") return true;
  if (block.kind !== "paragraph") return false;
  const clean = cleanText(block.text);
  return actionMarker.test(clean) || subNumbering.test(clean);
}

interface Numbered {
  reference: string;
  rest: string;
  /** A paragraph opening with a number and no punctuation ("1 Agree …", "3 councillors …"). */
  bare: boolean;
  /** How it is printed, so that a plan numbering its actions as well tells the two apart. */
  printed: PrintedNumber;
}

function numbering(block: TextBlock): Numbered | null {
  if (block.kind === "listItem") {
    if (!block.ordered || block.depth > 0) return null;
    const punctuation = /[.:)]$/.exec(block.marker ?? "")?.[0] ?? "";
    const marker = (block.marker ?? "").replace(/[.:)]$/, "");
    return /^\d+$/.test(marker)
      ? {
          reference: marker,
          rest: block.text,
          bare: false,
          printed: { style: `list|${punctuation}`, value: Number(marker) },
        }
      : null;
  }
  const clean = cleanText(block.text);
  // "1.1 Agree the budget": an action numbered under recommendation 1, not a recommendation.
  if (subNumbering.test(clean)) return null;
  const match = recommendationNumbering.exec(clean);
  if (!match) return null;
  const reference = match[1] ?? match[2] ?? match[3]!;
  const rest = match[4] ?? "";
  const bare = match[3] !== undefined && block.kind === "paragraph" && !/^\(?\d{1,2}\s*[.:)]/.test(clean);
  const prefix = match[1] !== undefined ? "rec" : match[2] !== undefined ? "R" : "#";
  const punctuation = /^\(?\D*\d+[a-z]?\s*([:.)\-–—]?)/iu.exec(clean)?.[1] ?? "";
  const style = `${block.kind}|${clean.startsWith("(") ? "(" : ""}${prefix}|${punctuation}`;
  return { reference, rest, bare, printed: { style, value: parseInt(reference, 10) } };
}

/**
 * "3 councillors attended": a bare number opening a paragraph is not a reference, unless the
 * paragraphs so opened count 1, 2, 3 … through the document, as a plan's numbers do.
 */
function withoutStrayNumbers(numbered: (Numbered | null)[]): (Numbered | null)[] {
  const bare = numbered.filter((n): n is Numbered => n?.bare === true);
  const counting = bare.length >= 2 && bare.every((n, k) => n.printed.value === k + 1);
  return counting ? numbered : numbered.map((n) => (n?.bare ? null : n));
}

/**
 * A date, a status, a post or a name on a line of its own before a list is a pasted table's cell,
 * not a recommendation: a recommendation is a sentence, with words in lower case ("Head of
 * Communications", "Simon Hill & Simon Freeman" have none of four letters or more).
 */
function readsAsRecommendation(text: string): boolean {
  return readsAsAction(text) && /(?:^|[^\p{L}])\p{Ll}{4,}/u.test(text);
}

function readsAsAction(text: string): boolean {
  if (wordCount(text) < 3) return false;
  const profile = profileCell(text);
  return !profile.date && !profile.status;
}

interface PendingAction {
  text: string;
  source: SourceRef;
  why: string;
  textWhere: number;
  fields: Partial<Record<"lead" | "target" | "status" | "update", { value: string; where: number }>>;
}

export function segmentSections(blocks: readonly Block[], title: string | null): Candidate | null {
  const text = blocks.filter((b): b is TextBlock => b.kind !== "table");
  if (text.length === 0) return null;
  const numbered = withoutStrayNumbers(text.map(numbering));
  const numberedCount = numbered.filter((n) => n !== null).length;
  const recommendationNumbered = recommendationNumbers(numbered.map((n) => n?.printed ?? null));
  // Numbered, but counting again under each recommendation: an action's number.
  const actionNumbered = numbered.map((n, i) => n !== null && !recommendationNumbered[i]);
  const headingLevels = text.filter((b) => b.kind === "heading").map((b) => (b as { level: number }).level);

  // Which blocks start a recommendation: printed numbers if there are several, else the level of
  // heading that most often has content under it, or a paragraph followed by list items, whichever
  // places more actions under recommendations (headings over a paragraph and its list are themes).
  if (numberedCount >= 2)
    return readSections(
      text,
      numbered,
      actionNumbered,
      recommendationNumbered,
      actionNumbered.some(Boolean)
        ? "numbered as a recommendation (the numbers that count again under each are its actions')"
        : "numbered as a recommendation",
      title,
    );
  const options: { starts: boolean[]; how: string }[] = [];
  if (headingLevels.length >= 2) {
    const counts = new Map<number, number>();
    text.forEach((b, i) => {
      if (b.kind === "heading" && text[i + 1] && text[i + 1]!.kind !== "heading")
        counts.set(b.level, (counts.get(b.level) ?? 0) + 1);
    });
    const level = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
    options.push({
      starts: text.map((b) => b.kind === "heading" && b.level === level),
      how: `a level-${level} heading with content under it`,
    });
  }
  options.push({
    starts: text.map(
      (b, i) =>
        b.kind === "paragraph" &&
        !isItem(b) &&
        labelledField(b.text) === null &&
        isItem(text[i + 1]) &&
        readsAsRecommendation(cleanText(b.text)),
    ),
    how: "a paragraph followed by list items",
  });
  let best: { candidate: Candidate; placed: number } | null = null;
  for (const option of options) {
    const candidate = readSections(text, numbered, actionNumbered, option.starts, option.how, title);
    if (!candidate) continue;
    const placed = candidate.recommendations.reduce((n, r) => n + r.actions.length, 0);
    if (!best || placed > best.placed) best = { candidate, placed };
  }
  return best?.candidate ?? null;
}

function readSections(
  text: readonly TextBlock[],
  numbered: readonly (Numbered | null)[],
  actionNumbered: readonly boolean[],
  starts: readonly boolean[],
  how: string,
  title: string | null,
): Candidate | null {
  if (!starts.some(Boolean)) return null;

  const builder = new PlanBuilder();
  const unplaced: { line: number; text: string }[] = [];
  let firstTitle: string | null = null;
  let theme: string | null = null;
  let pending: PendingAction | null = null;
  let recHasText = false;
  let sawList = false;

  const flush = () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    const inline = inlineFields(p.text);
    const pick = (field: "lead" | "target" | "status"): { value: string | null; where: number } => {
      const labelled = p.fields[field];
      if (labelled) return labelled;
      if (inline[field] !== null) return { value: inline[field], where: inline.where[field] ?? placement.inline };
      return { value: null, where: placement.absent };
    };
    const lead = pick("lead");
    const target = pick("target");
    const status = pick("status");
    const statusScored: Scored<ReturnType<typeof scoredStatus>["value"]> =
      status.value === null ? scoredStatus(null, placement.absent) : scoredStatus(status.value, status.where);
    builder.addAction({
      text: inline.text,
      textWhere: p.textWhere,
      lead: scoredLead(lead.value, lead.where),
      target: scoredTarget(target.value, target.where),
      status: statusScored,
      update: p.fields.update?.value ?? inline.update,
      source: p.source,
      why: p.why,
    });
  };

  // "Recommendation 1 Vision and priorities", then its sentence: a short numbered line followed by
  // a plain paragraph is the recommendation's title, and the paragraph its text.
  const textFollows = (i: number): boolean => {
    const next = text[i + 1];
    return (
      next !== undefined &&
      next.kind === "paragraph" &&
      !starts[i + 1] &&
      !actionNumbered[i + 1] &&
      !isItem(next) &&
      labelledField(cleanText(next.text)) === null &&
      wordCount(cleanText(next.text)) > wordCount(numbered[i]?.rest ?? "")
    );
  };

  text.forEach((block, i) => {
    const clean = cleanText(block.text);
    if (clean === "") return;
    if (starts[i]) {
      flush();
      const n = numbered[i];
      const rest = n ? n.rest : clean;
      const isTitle = (block.kind === "heading" || textFollows(i)) && wordCount(rest) <= 10 && !/[.]$/.test(rest);
      builder.startRecommendation({
        reference: n ? n.reference : null,
        title: isTitle ? rest : null,
        text: isTitle ? "" : rest,
        textWhere: placement.label,
        themeLabel: theme,
        source: block.source,
        why: `line ${block.source.line}: ${how}`,
      });
      recHasText = !isTitle;
      sawList = false;
      return;
    }
    const rec = builder.current;
    if (!rec) {
      if (block.kind === "heading") {
        if (firstTitle === null) firstTitle = clean;
        else theme = clean;
      } else if (firstTitle === null && wordCount(clean) <= 12) firstTitle = clean;
      else unplaced.push({ line: block.source.line, text: clean });
      return;
    }
    if (block.kind === "heading") {
      // A heading between recommendations that does not start one groups those after it.
      flush();
      theme = clean;
      return;
    }
    const labelled = labelledField(clean);
    if (labelled && labelled.field !== "action") {
      // "Lead: X; Target: Y; Status: Z" on one line: every label in it.
      const all = inlineFields(clean);
      if (!pending) {
        // Fields printed under the recommendation itself: the recommendation is its own action.
        pending = {
          text: rec.text || rec.title || "",
          source: block.source,
          why: `line ${block.source.line}: fields printed under recommendation ${rec.reference} with no action of their own`,
          textWhere: placement.inline,
          fields: {},
        };
      }
      for (const field of ["lead", "target", "status"] as const) {
        const value = all[field];
        if (value !== null) pending.fields[field] = { value, where: placement.label };
      }
      if (all.update !== null) pending.fields.update = { value: all.update, where: placement.label };
      if (all.lead === null && all.target === null && all.status === null && all.update === null)
        pending.fields[labelled.field] = {
          value: labelled.value,
          where: placement.label,
        };
      return;
    }
    const item = isItem(block) || actionNumbered[i]!;
    const actionText = actionNumbered[i]
      ? cleanText(numbered[i]!.rest)
      : (labelled?.field === "action" ? labelled.value : clean)
          .replace(subNumbering, "")
          .replace(actionMarker, "")
          // "- 1. Agree the budget": a bullet numbering its action by hand.
          .replace(block.kind === "listItem" ? plainItemNumber : /$^/, "");
    if (block.kind === "listItem" && block.depth > 0 && pending) {
      pending.text += `\n• ${actionText}`;
      return;
    }
    if (!recHasText && !actionNumbered[i] && block.kind === "paragraph" && labelled === null) {
      rec.text = clean;
      rec.confidence.text = placement.label;
      recHasText = true;
      return;
    }
    // A plain paragraph is an action only when it reads as one: a date, a status or a name on a line
    // of its own is a cell of a table pasted as text, or a field whose label was lost.
    const plain = !item && labelled?.field !== "action";
    if (plain && !sawList && !readsAsAction(clean)) {
      unplaced.push({ line: block.source.line, text: clean });
      return;
    }
    if (item || labelled?.field === "action" || !sawList) {
      flush();
      if (item) sawList = true;
      pending = {
        text: actionText,
        source: block.source,
        why: `line ${block.source.line}: ${actionNumbered[i] ? `action ${numbered[i]!.reference}, numbered again from 1 under each recommendation,` : item ? "a list item" : labelled ? "a line labelled as an action" : "a paragraph"} under recommendation ${rec.reference}`,
        textWhere: item || labelled ? placement.label : placement.content,
        fields: {},
      };
      return;
    }
    unplaced.push({ line: block.source.line, text: clean });
  });
  flush();
  for (const rec of builder.recommendations) {
    if (rec.text === "" && rec.title) {
      rec.text = rec.title;
      rec.title = null;
    }
  }
  return builder.candidate("SECTIONS", title ?? firstTitle, unplaced, 0);
}
