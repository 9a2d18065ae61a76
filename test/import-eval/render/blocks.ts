/**
 * A renderer-neutral page: headings, paragraphs, lists, link bars and tables with merged cells.
 * layout.ts decides what is printed; this file arranges it into blocks (furniture, the plan as a
 * table or as lists); each format renderer only draws blocks.
 */

import type { EvalPlan } from "../plan.model.js";
import type { Random } from "../random.js";
import {
  boilerplateParagraphs,
  breadcrumbTrails,
  cookieBanners,
  footerLines,
  navigationItems,
  pageUpdatedLines,
  peerTeamHeadings,
  peerTeamMembers,
  skipLinks,
  trailingNotes,
  type FurnitureKind,
} from "../traits/furniture.js";
import type { ColumnKind } from "../traits/headers.js";
import { inlineDeadlineLeads, inlineSeparators } from "../traits/layout.js";
import { keyHeadings, keySeparators } from "../traits/statuses.js";
import type { Layout, PrintedAction, PrintedRecommendation } from "./layout.js";

export interface GridCell {
  /** Lines of the cell; several when actions are packed into it. */
  lines: string[];
  /** True when the lines are bullets (packed actions), drawn as a list where the format can. */
  bullets: boolean;
  rowSpan: number;
  /** Covered by a cell above that spans into this row: drawn as nothing (spans) . */
  covered: boolean;
  fill: string | null;
}

export interface Grid {
  columns: ColumnKind[];
  header: string[] | null;
  rows: GridCell[][];
}

export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "links"; items: string[] }
  | { kind: "list"; ordered: boolean; items: ListEntry[] }
  | { kind: "table"; grid: Grid }
  | { kind: "blank" };

export interface ListEntry {
  text: string;
  /** Lines printed under the item ("Lead: …"), indented. */
  details: string[];
  /** Printed marker for ordered lists, e.g. "1.1"; null leaves it to the format. */
  marker: string | null;
}

export function furnitureBlocks(kinds: readonly FurnitureKind[], plan: EvalPlan, random: Random): Block[] {
  const council = (text: string) => text.replaceAll("{council}", plan.council);
  const out: Block[] = [];
  for (const kind of kinds) {
    switch (kind) {
      case "skip-link":
        out.push({ kind: "links", items: [random.pick(skipLinks)] });
        break;
      case "navigation":
        out.push({ kind: "links", items: random.shuffle(navigationItems).slice(0, random.int(4, 8)) });
        break;
      case "cookie-banner": {
        const [first, ...rest] = random.pick(cookieBanners);
        out.push({ kind: "paragraph", text: first }, { kind: "links", items: rest });
        break;
      }
      case "breadcrumbs":
        out.push({ kind: "links", items: [random.pick(breadcrumbTrails).join(" > ")] });
        break;
      case "boilerplate":
        for (const text of random.shuffle(boilerplateParagraphs).slice(0, random.int(1, 3)))
          out.push({ kind: "paragraph", text: council(text) });
        break;
      case "peer-team":
        out.push(
          { kind: "heading", level: 2, text: random.pick(peerTeamHeadings) },
          {
            kind: "list",
            ordered: false,
            items: random
              .shuffle(peerTeamMembers)
              .slice(0, random.int(3, 6))
              .map((text) => ({ text, details: [], marker: null })),
          },
        );
        break;
      case "footer":
        out.push({ kind: "links", items: footerLines.map(council) });
        break;
      case "page-updated":
        out.push({ kind: "paragraph", text: random.pick(pageUpdatedLines) });
        break;
    }
  }
  return out;
}

export function colourKeyBlocks(layout: Layout, random: Random): Block[] {
  if (layout.colourKey === null) return [];
  const separator = random.pick(keySeparators);
  const entries = layout.colourKey.entries.map((e) => `${e.colour}${separator}${e.label}`);
  return random.chance(0.5)
    ? [{ kind: "paragraph", text: `${random.pick(keyHeadings)}: ${entries.join("; ")}` }]
    : [
        { kind: "heading", level: 3, text: random.pick(keyHeadings) },
        { kind: "list", ordered: false, items: entries.map((text) => ({ text, details: [], marker: null })) },
      ];
}

/** The page around a plan: title, furniture, key, the plan's own blocks, then closing furniture and noise. */
export function page(plan: EvalPlan, layout: Layout, random: Random, body: Block[]): Block[] {
  const key = colourKeyBlocks(layout, random);
  const keyFirst = random.chance(0.6);
  const blocks: Block[] = [
    ...furnitureBlocks(layout.furnitureBefore, plan, random),
    { kind: "heading", level: 1, text: `${plan.council}: ${plan.title}` },
    ...(keyFirst ? key : []),
    ...body,
    ...(keyFirst ? [] : key),
    ...(layout.noise.includes("trailing-notes")
      ? [{ kind: "paragraph" as const, text: random.pick(trailingNotes) }]
      : []),
    ...furnitureBlocks(layout.furnitureAfter, plan, random),
  ];
  if (!layout.noise.includes("blank-lines")) return blocks;
  return blocks.flatMap((block) => (random.chance(0.3) ? [{ kind: "blank" as const }, block] : [block]));
}

function cellText(action: PrintedAction, column: ColumnKind): string {
  switch (column) {
    case "action":
      return action.label === null ? action.text : `${action.label} ${action.text}`;
    case "lead":
      return action.lead;
    case "deadline":
      return action.deadline;
    case "status":
      return action.status;
    case "update":
      return action.update;
    default:
      return "";
  }
}

function recText(rec: PrintedRecommendation, column: ColumnKind, layout: Layout): string {
  if (column === "reference") return rec.label ?? "";
  if (column === "theme") return rec.theme;
  // With no reference column the number is printed in front of the recommendation.
  const label = layout.columns.includes("reference") || rec.label === null ? "" : `${rec.label} `;
  return `${label}${rec.text}`;
}

const recColumns: ReadonlySet<ColumnKind> = new Set(["reference", "theme", "recommendation"]);

/** The plan as one table: one row per action (or per recommendation when packed). */
export function planGrid(printed: PrintedRecommendation[], layout: Layout, options: { spans: boolean }): Grid {
  const merge = layout.merge === "span" && !options.spans ? "blank" : layout.merge;
  const rows: GridCell[][] = [];
  for (const rec of printed) {
    const actionRows: PrintedAction[][] =
      rec.actions.length === 0 ? [[]] : layout.packed ? [rec.actions] : rec.actions.map((a) => [a]);
    actionRows.forEach((group, i) => {
      rows.push(
        layout.columns.map((column): GridCell => {
          if (recColumns.has(column)) {
            const first = i === 0;
            return {
              lines: first || merge === "repeat" ? [recText(rec, column, layout)] : [""],
              bullets: false,
              rowSpan: first && merge === "span" ? actionRows.length : 1,
              covered: !first && merge === "span",
              fill: null,
            };
          }
          const lines = group.map((a) => cellText(a, column));
          // One shared owner is printed once for a packed cell.
          const shared = lines.length > 1 && lines.every((l) => l === lines[0]) && column === "lead";
          return {
            lines: shared ? [lines[0] ?? ""] : lines.length === 0 ? [""] : lines,
            bullets: column === "action" && group.length > 1,
            rowSpan: 1,
            covered: false,
            fill: column === "status" && group.length === 1 ? (group[0]?.fill ?? null) : null,
          };
        }),
      );
    });
  }
  return {
    columns: layout.columns,
    header: layout.header ? layout.columns.map((c) => layout.headers[c]) : null,
    rows,
  };
}

/** Recommendations as headings or numbered paragraphs, each followed by its actions. */
export function planSections(
  printed: PrintedRecommendation[],
  layout: Layout,
  random: Random,
  style: "parallel" | "inline",
): Block[] {
  const blocks: Block[] = [];
  const headingStyle = random.pick(["heading", "paragraph"] as const);
  for (const rec of printed) {
    const label = rec.label === null ? "" : `${rec.label} `;
    if (rec.theme !== "" && random.chance(0.5)) blocks.push({ kind: "heading", level: 2, text: rec.theme });
    if (rec.title !== null && headingStyle === "heading") {
      blocks.push({ kind: "heading", level: 3, text: `${label}${rec.title}` }, { kind: "paragraph", text: rec.text });
    } else {
      blocks.push(
        headingStyle === "heading"
          ? { kind: "heading", level: 3, text: `${label}${rec.text}` }
          : { kind: "paragraph", text: `${label}${rec.text}` },
      );
    }
    if (rec.actions.length === 0) continue;
    blocks.push({
      kind: "list",
      ordered: false,
      items: rec.actions.map((action) =>
        style === "parallel" ? parallelEntry(action, layout) : inlineEntry(action, layout, random),
      ),
    });
  }
  return blocks;
}

function parallelEntry(action: PrintedAction, layout: Layout): ListEntry {
  const details = [
    action.lead === "" ? null : `${layout.labels.lead}: ${action.lead}`,
    action.deadline === "" ? null : `${layout.labels.deadline}: ${action.deadline}`,
    action.status === "" ? null : `${layout.labels.status}: ${action.status}`,
    action.update === "" ? null : `${layout.labels.update}: ${action.update}`,
  ].filter((line): line is string => line !== null);
  return { text: action.text, details, marker: action.label };
}

function inlineEntry(action: PrintedAction, layout: Layout, random: Random): ListEntry {
  const separator = random.pick(inlineSeparators);
  const text = action.text.replace(/\.\s*$/, "");
  const parts = [text];
  if (action.lead !== "") parts.push(`${layout.labels.lead}: ${action.lead}`);
  if (action.deadline !== "") {
    const dated = /\d/.test(action.deadline) && !/^(ongoing|continuous)/i.test(action.deadline);
    parts.push(
      dated && random.chance(0.5)
        ? `${random.pick(inlineDeadlineLeads)} ${action.deadline}`
        : `${layout.labels.deadline}: ${action.deadline}`,
    );
  }
  if (action.status !== "") parts.push(`${layout.labels.status}: ${action.status}`);
  const line = parts.join(separator);
  return {
    text: action.update === "" ? line : `${line}${separator}${layout.labels.update}: ${action.update}`,
    details: [],
    marker: action.label,
  };
}
