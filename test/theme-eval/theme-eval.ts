import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { classifyRecommendation, type ThemeLink } from "../../src/modules/theme/theme.classifier.js";
import { loadRules, loadTaxonomy, subThemeIndex, type ThemeRules } from "../../src/modules/theme/theme.taxonomy.js";

/**
 * The theme evaluation behind `npm run eval:themes`: the seed set in sample and leave one
 * council out, and the held-out check set of unseen councils' wording, each with a component
 * confusion table and agreement by confidence band. Pure computations over the classifier.
 */

export const themesDir = fileURLToPath(new URL("../../seeds/themes", import.meta.url));
export const checkSetFile = fileURLToPath(new URL("./unseen-check.json", import.meta.url));

export interface LabelledItem {
  /** The seed council's GSS code, or "unseen" for the check set. */
  group: string;
  id: string;
  title: string | null;
  text: string;
  actions: string[];
  subThemes: string[];
  form?: string;
}

export function readSeedSet(): LabelledItem[] {
  const json = JSON.parse(readFileSync(join(themesDir, "labelled.json"), "utf8")) as {
    recommendations: {
      council: string;
      reference: string;
      title?: string;
      text: string;
      actions?: string[];
      subThemes: string[];
    }[];
  };
  return json.recommendations.map((r) => ({
    group: r.council,
    id: `${r.council}/${r.reference}`,
    title: r.title ?? null,
    text: r.text,
    actions: r.actions ?? [],
    subThemes: r.subThemes,
  }));
}

export function readCheckSet(): LabelledItem[] {
  const json = JSON.parse(readFileSync(checkSetFile, "utf8")) as {
    recommendations: { id: string; form: string; text: string; subThemes: string[] }[];
  };
  // A council printing only a short title prints it where the recommendation's text goes.
  return json.recommendations.map((r) => ({
    group: "unseen",
    id: r.id,
    title: null,
    text: r.text,
    actions: [],
    subThemes: r.subThemes,
    form: r.form,
  }));
}

export interface Outcome {
  item: LabelledItem;
  links: ThemeLink[];
}

export function classifyAll(items: LabelledItem[], rules: ThemeRules): Outcome[] {
  return items.map((item) => ({
    item,
    links: classifyRecommendation({ text: item.text, title: item.title, actions: item.actions }, rules),
  }));
}

export interface Agreement {
  n: number;
  abstained: number;
  /** Top sub-theme = the label's primary sub-theme. */
  primarySubTheme: number;
  /** Top link's component = the primary label's component. */
  primaryComponent: number;
  /** Top link's component is the component of any label (what a person accepts). */
  acceptableComponent: number;
}

export function agreement(outcomes: Outcome[], componentOf: Map<string, string>): Agreement {
  const result: Agreement = { n: 0, abstained: 0, primarySubTheme: 0, primaryComponent: 0, acceptableComponent: 0 };
  for (const { item, links } of outcomes) {
    result.n++;
    const top = links[0];
    if (top === undefined) {
      result.abstained++;
      continue;
    }
    const primary = item.subThemes[0] ?? "";
    if (top.subThemeCode === primary) result.primarySubTheme++;
    if (top.componentCode === componentOf.get(primary)) result.primaryComponent++;
    if (item.subThemes.some((s) => componentOf.get(s) === top.componentCode)) result.acceptableComponent++;
  }
  return result;
}

/** Rows: the primary label's component; columns: the top link's component, or "(abstained)". */
export function componentConfusion(
  outcomes: Outcome[],
  componentOf: Map<string, string>,
): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  for (const { item, links } of outcomes) {
    const row = componentOf.get(item.subThemes[0] ?? "") ?? "?";
    const column = links[0]?.componentCode ?? "(abstained)";
    const cells = table.get(row) ?? new Map<string, number>();
    cells.set(column, (cells.get(column) ?? 0) + 1);
    table.set(row, cells);
  }
  return table;
}

/** Sub-theme disagreements of the top link, "labelled → predicted", most frequent first. */
export function subThemeConfusions(outcomes: Outcome[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const { item, links } of outcomes) {
    const primary = item.subThemes[0] ?? "?";
    const top = links[0]?.subThemeCode ?? "(abstained)";
    if (top !== primary) counts.set(`${primary} → ${top}`, (counts.get(`${primary} → ${top}`) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export interface Band {
  from: number;
  to: number;
  /** Every link (not only the top one) whose confidence falls in [from, to). */
  links: number;
  /** Of those, links whose sub-theme is among the labels. */
  subThemeAgrees: number;
  /** Of those, links whose component is the component of one of the labels. */
  componentAgrees: number;
}

export const bandEdges = [0, 0.45, 0.6, 0.7, 0.8, 0.9, 1.0001];

export function calibration(outcomes: Outcome[], componentOf: Map<string, string>, edges = bandEdges): Band[] {
  const bands: Band[] = edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1] ?? 1,
    links: 0,
    subThemeAgrees: 0,
    componentAgrees: 0,
  }));
  for (const { item, links } of outcomes) {
    const components = new Set(item.subThemes.map((s) => componentOf.get(s)));
    for (const link of links) {
      const band = bands.find((b) => link.confidence >= b.from && link.confidence < b.to);
      if (band === undefined) continue;
      band.links++;
      if (item.subThemes.includes(link.subThemeCode)) band.subThemeAgrees++;
      if (components.has(link.componentCode)) band.componentAgrees++;
    }
  }
  return bands;
}

/** The candidate abstention thresholds leave-one-council-out chooses among. */
export const thresholdGrid = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);

/**
 * The abstention threshold fitted on `training`: the smallest grid value at which the top
 * component is acceptable for at least `target` of the recommendations it classifies.
 */
export function fitThreshold(training: Outcome[], componentOf: Map<string, string>, target = 0.9): number {
  for (const threshold of thresholdGrid) {
    const kept = training.filter((o) => (o.links[0]?.confidence ?? 0) >= threshold);
    const a = agreement(kept, componentOf);
    if (kept.length > 0 && a.acceptableComponent / kept.length >= target) return threshold;
  }
  return thresholdGrid[thresholdGrid.length - 1] ?? 0.95;
}

export interface HeldOutCouncil {
  council: string;
  threshold: number;
  agreement: Agreement;
  outcomes: Outcome[];
}

/**
 * Leave one council out: the rules and vocabulary are hand-written, not trained, so the only
 * part fitted to data is the abstention threshold; it is fitted on four councils and the fifth
 * is scored with it. The classifier runs with abstention off (threshold 0) to see every score.
 */
export function leaveOneCouncilOut(items: LabelledItem[], rules: ThemeRules, componentOf: Map<string, string>) {
  const open = classifyAll(items, { ...rules, abstainBelow: Number.MIN_VALUE });
  const councils = [...new Set(items.map((i) => i.group))];
  const held: HeldOutCouncil[] = councils.map((council) => {
    const threshold = fitThreshold(
      open.filter((o) => o.item.group !== council),
      componentOf,
    );
    const scored = open
      .filter((o) => o.item.group === council)
      .map((o) => ({ item: o.item, links: (o.links[0]?.confidence ?? 0) >= threshold ? o.links : [] }));
    return { council, threshold, agreement: agreement(scored, componentOf), outcomes: scored };
  });
  return { held, outcomes: held.flatMap((h) => h.outcomes) };
}

export function loadEvaluationRules() {
  const taxonomy = loadTaxonomy(themesDir);
  return { rules: loadRules(themesDir), componentOf: subThemeIndex(taxonomy), taxonomy };
}
