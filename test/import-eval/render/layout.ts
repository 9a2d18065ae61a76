/**
 * Draws one document's layout (numbering, columns, headers, merging, packing, status style,
 * furniture, noise) from traits/, prints every field of a plan under it, and derives the plan a
 * perfect reader would recover from what was printed.
 */

import type { EvalAction, EvalPlan, EvalRecommendation } from "../plan.model.js";
import type { Random } from "../random.js";
import { fieldLabels, headerSynonyms, type ColumnKind } from "../traits/headers.js";
import { colourKeys, statusWords, type ColourKey } from "../traits/statuses.js";
import {
  actionNumberings,
  bulletMarks,
  recommendationNumberings,
  type ActionNumbering,
  type RecommendationNumbering,
} from "../traits/numbering.js";
import { furnitureAfter, furnitureBefore, type FurnitureKind } from "../traits/furniture.js";
import {
  mergeStyles,
  noiseKinds,
  statusStyles,
  type MergeStyle,
  type NoiseKind,
  type StatusStyle,
} from "../traits/layout.js";

export interface Layout {
  recNumbering: RecommendationNumbering;
  actionNumbering: ActionNumbering;
  /** Table columns in printed order (tables only). */
  columns: ColumnKind[];
  headers: Record<ColumnKind, string>;
  header: boolean;
  naturalOrder: boolean;
  merge: MergeStyle;
  packed: boolean;
  status: StatusStyle;
  colourKey: ColourKey | null;
  furnitureBefore: FurnitureKind[];
  furnitureAfter: FurnitureKind[];
  noise: NoiseKind[];
  bullet: string;
  labels: Record<keyof typeof fieldLabels, string>;
}

export interface LayoutOptions {
  merges?: readonly MergeStyle[];
  /** Whether several actions may share one cell. */
  packing?: boolean;
  /** Whether the layout may print no header row. */
  headerless?: boolean;
}

export function drawLayout(plan: EvalPlan, random: Random, options: LayoutOptions = {}): Layout {
  const actions = plan.recommendations.flatMap((r) => r.actions);
  const has = {
    lead: actions.some((a) => a.lead !== null),
    deadline: actions.some((a) => a.deadlinePhrase !== null),
    status: actions.some((a) => a.status !== null),
    update: actions.some((a) => a.update !== null),
    theme: plan.recommendations.some((r) => r.themeLabel !== null),
  };
  const recNumbering = random.pick(Object.keys(recommendationNumberings) as RecommendationNumbering[]);
  const status: StatusStyle = has.status ? random.pick(statusStyles) : "none";
  const natural: ColumnKind[] = [
    ...(recNumbering === "none" ? [] : (["reference"] as const)),
    ...(has.theme && random.chance(0.6) ? (["theme"] as const) : []),
    "recommendation",
    "action",
    ...(has.lead ? (["lead"] as const) : []),
    ...(has.deadline ? (["deadline"] as const) : []),
    ...(status === "none" ? [] : (["status"] as const)),
    ...(has.update ? (["update"] as const) : []),
  ];
  const naturalOrder = random.chance(0.5);
  const headers = Object.fromEntries(
    Object.entries(headerSynonyms).map(([kind, synonyms]) => [kind, random.pick(synonyms)]),
  ) as Record<ColumnKind, string>;
  if (status === "colours" && random.chance(0.5)) headers.status = "RAG";
  const pickSome = <T>(items: readonly T[], p: number) => items.filter(() => random.chance(p));
  return {
    recNumbering,
    actionNumbering: random.chance(0.6) ? "none" : random.pick(Object.keys(actionNumberings) as ActionNumbering[]),
    columns: naturalOrder ? natural : random.shuffle(natural),
    headers,
    header: options.headerless === false ? true : random.chance(0.8),
    naturalOrder,
    merge: random.pick(options.merges ?? mergeStyles),
    packed: (options.packing ?? true) && random.chance(0.25),
    status,
    colourKey: status === "colours" ? random.pick(colourKeys) : null,
    furnitureBefore: pickSome(furnitureBefore, 0.35),
    furnitureAfter: pickSome(furnitureAfter, 0.35),
    noise: pickSome(noiseKinds, 0.3),
    bullet: random.pick(bulletMarks),
    labels: {
      lead: random.pick(fieldLabels.lead),
      deadline: random.pick(fieldLabels.deadline),
      status: random.pick(fieldLabels.status),
      update: random.pick(fieldLabels.update),
    },
  };
}

/** The traits a document is scored under; table-only traits are added by the table renderers. */
export function layoutTraits(layout: Layout, table: boolean): string[] {
  return [
    `numbering:${layout.recNumbering}`,
    `action-numbering:${layout.actionNumbering}`,
    `status:${layout.status}`,
    ...(table
      ? [
          `header:${layout.header ? "present" : "absent"}`,
          `order:${layout.naturalOrder ? "natural" : "shuffled"}`,
          `merge:${layout.merge}`,
          `packed:${layout.packed ? "yes" : "no"}`,
        ]
      : []),
    ...(layout.furnitureBefore.length + layout.furnitureAfter.length === 0 ? ["furniture:none"] : []),
    ...[...new Set([...layout.furnitureBefore, ...layout.furnitureAfter])].map((kind) => `furniture:${kind}`),
    ...(layout.noise.length === 0 ? ["noise:none"] : layout.noise.map((kind) => `noise:${kind}`)),
  ];
}

export interface PrintedAction {
  label: string | null;
  text: string;
  lead: string;
  deadline: string;
  status: string;
  /** Cell fill for a RAG colour (HTML, XLSX, DOCX, PDF draw it; text formats cannot). */
  fill: string | null;
  update: string;
}

export interface PrintedRecommendation {
  label: string | null;
  title: string | null;
  text: string;
  theme: string;
  actions: PrintedAction[];
}

/** Every field as the document prints it, and the plan that printing means. */
export function printPlan(
  plan: EvalPlan,
  layout: Layout,
  random: Random,
): { printed: PrintedRecommendation[]; expected: EvalPlan } {
  const spacey = (text: string) => (layout.noise.includes("extra-spaces") ? addSpaces(text, random) : text);
  const recNumber = recommendationNumberings[layout.recNumbering];
  const actionNumber = actionNumberings[layout.actionNumbering];
  const printed: PrintedRecommendation[] = [];
  const expected: EvalRecommendation[] = [];
  plan.recommendations.forEach((rec, r) => {
    const printedActions: PrintedAction[] = [];
    const expectedActions: EvalAction[] = [];
    rec.actions.forEach((action, a) => {
      const status = printStatus(action, layout, random);
      printedActions.push({
        label: actionNumber === null ? null : actionNumber(r + 1, a + 1),
        text: spacey(action.text),
        lead: action.lead ?? "",
        deadline: action.deadlinePhrase ?? "",
        status: status.text,
        fill: status.fill,
        update: action.update ?? "",
      });
      expectedActions.push({ ...action, status: status.meaning });
    });
    printed.push({
      label: recNumber === null ? null : recNumber(r + 1),
      title: rec.title,
      text: spacey(rec.text),
      theme: rec.themeLabel ?? "",
      actions: printedActions,
    });
    expected.push({ ...rec, actions: expectedActions });
  });
  return { printed, expected: { ...plan, recommendations: expected } };
}

function printStatus(
  action: EvalAction,
  layout: Layout,
  random: Random,
): { text: string; fill: string | null; meaning: EvalAction["status"] } {
  if (layout.status === "none" || action.status === null) return { text: "", fill: null, meaning: null };
  if (layout.status === "words") {
    const text = action.statusPhrase ?? random.pick(statusWords[action.status]);
    return { text, fill: null, meaning: action.status };
  }
  const entries = (layout.colourKey?.entries ?? []).filter((e) => e.status === action.status);
  if (entries.length === 0) return { text: "", fill: null, meaning: null };
  const entry = random.pick(entries);
  return { text: entry.colour, fill: entry.fill, meaning: entry.status };
}

function addSpaces(text: string, random: Random): string {
  return text
    .split(" ")
    .map((word) => (random.chance(0.08) ? `${word}  ` : word))
    .join(" ")
    .concat(random.chance(0.3) ? "  " : "");
}
