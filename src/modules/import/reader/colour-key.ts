/**
 * A plan that gives statuses as colours usually prints what each colour means ("Green – Achieved",
 * "Blue = Completed", "Grey: business as usual"), and councils do not agree: green is "complete" in
 * one plan and "on track" in the next. The document's own key decides, where it prints one.
 */
import type { Block } from "../document/document.model.js";
import type { ActionStatusValue } from "../../action/action.values.js";
import type { ParsedStatus } from "../import.plan.js";
import { isUnknownStatusText, parseStatus } from "../normalise/status.normaliser.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { tableGrid } from "../document/document.grid.js";

export type ColourKey = ReadonlyMap<string, ActionStatusValue>;

const colours = ["green", "amber", "red", "blue", "grey", "gray", "black", "purple", "yellow", "orange", "white"];
const keyEntry = new RegExp(`^(${colours.join("|")})\\s*(?:[:=–—-]|means|is)\\s*(.{2,60})$`, "iu");

function meaning(label: string): ActionStatusValue | null {
  const status = parseStatus(label);
  if (isUnknownStatusText(status) || status.status === "UNKNOWN") return null;
  return status.status;
}

/** Colour → status, from key lines or two-cell key tables anywhere in the document. */
export function readColourKey(blocks: readonly Block[]): ColourKey {
  const key = new Map<string, ActionStatusValue>();
  const add = (colour: string, label: string) => {
    const status = meaning(label);
    const name = colour.toLowerCase() === "gray" ? "grey" : colour.toLowerCase();
    if (status && !key.has(name)) key.set(name, status);
  };
  // A key may be one line ("Key: Green – complete; Amber – in progress; Red – not started").
  const readLine = (text: string) => {
    for (const part of cleanText(text)
      // A key listed as bullets, each bullet kept in the line (a sheet's cells, pasted text).
      .replace(/^[•▪◦●‣·*\-–]\s*/u, "")
      .replace(/^[^:]{0,40}\bkey\b[^:]{0,40}:\s*|^key\s*[–-]\s*/i, "")
      .split(/\s*[;,|]\s*/)) {
      const match = keyEntry.exec(part);
      if (match) add(match[1]!, match[2]!);
    }
  };
  for (const block of blocks) {
    if (block.kind !== "table") {
      readLine(block.text);
      continue;
    }
    // In a table (a spreadsheet or CSV holds the whole page as one): rows of a colour and its meaning.
    for (const row of tableGrid(block)) {
      const filled = row
        .filter((c) => c && c.origin && cleanText(c.cell.text) !== "")
        .map((c) => cleanText(c!.cell.text));
      if (filled.length === 1) readLine(filled[0]!);
      else if (filled.length === 2 && colours.includes(filled[0]!.toLowerCase())) add(filled[0]!, filled[1]!);
    }
  }
  return key;
}

/** The status a colour-only status means under the document's key; the status itself when no key says. */
export function applyColourKey(status: ParsedStatus | null, key: ColourKey): ParsedStatus | null {
  if (status === null || key.size === 0) return status;
  const colour = cleanText(status.text)
    .toLowerCase()
    .replace(/^gray$/, "grey");
  const meant = key.get(colour);
  return meant ? { ...status, status: meant } : status;
}
