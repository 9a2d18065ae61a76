/**
 * The "cells one per line" reading of a text document: runs of pasted table cells rebuilt into
 * tables (cell-lines.table.ts) and read by the table reader, then each action and recommendation
 * told how its row was aligned, and fields whose cell was placed by a guess marked less sure.
 */
import type { Block } from "../document/document.model.js";
import type { ActionField } from "../import.plan.js";
import type { ColumnRole } from "../parsers/columns.js";
import { type CellLinesTables, tablesFromCellLines } from "./cell-lines.table.js";
import { cleanText } from "../normalise/text.normaliser.js";
import { lowConfidence, placement } from "./field.evidence.js";
import { withoutFurniture } from "./furniture.js";
import type { Candidate } from "./plan.builder.js";
import { segmentTables } from "./table.segmenter.js";

/** A field read from a cell whose lines fit its column poorly counts this much less. */
const misfitFactor = 0.75;

const fieldRoles: Record<ActionField, readonly ColumnRole[]> = {
  text: ["action"],
  lead: ["lead", "responsible", "accountable"],
  target: ["target", "targetAndStatus"],
  status: ["status", "targetAndStatus"],
};

/** The span holding `line`; spans sorted by their first line, never overlapping. */
function spanAt<T extends { from: number; to: number }>(spans: readonly T[], line: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (line < span.from) hi = mid - 1;
    else if (line > span.to) lo = mid + 1;
    else return span;
  }
  return undefined;
}

/**
 * A block that is exactly one line a rebuilt table took as a cell: the table now holds it, and
 * keeping it too would have every later step weigh each cell twice (once as the table's, once as prose).
 */
function rebuiltLine(block: Block, lines: readonly string[], spans: CellLinesTables["spans"]): boolean {
  const line = block.source.line;
  return spanAt(spans, line) !== undefined && "text" in block && block.text === cleanText(lines[line - 1] ?? "");
}

export function readCellLines(text: string, kept: readonly Block[], title: string | null): Candidate | null {
  const rebuilt = tablesFromCellLines(text);
  const lines = text.split("\n");
  if (rebuilt.tables.length === 0) return null;
  const blocks = [
    ...kept.filter((b) => b.kind !== "table" && !rebuiltLine(b, lines, rebuilt.spans)),
    ...rebuilt.tables,
  ].sort((x, y) => x.source.line - y.source.line);
  const candidate = segmentTables(withoutFurniture(blocks).kept, title);
  if (!candidate) return null;
  rebuilt.rows.sort((a, b) => a.from - b.from);
  for (const rec of candidate.recommendations) {
    const recNote = spanAt(rebuilt.rows, rec.source.line);
    if (recNote) {
      rec.why = `${rec.why}; ${recNote.note}`;
      if (recNote.byContent.has("recommendation"))
        rec.confidence.text = Math.min(rec.confidence.text, placement.content);
    }
    for (const action of rec.actions) {
      const note = spanAt(rebuilt.rows, action.source.line);
      if (!note) continue;
      action.why = `${action.why}; ${note.note}`;
      const key = `${rec.reference}.${action.order}`;
      const lower = (field: ActionField, roles: readonly ColumnRole[], reason: string) => {
        let confidence = action.confidence[field];
        // Under a column named only by inference, a field is placed by content, never by name.
        if (roles.some((role) => note.byContent.has(role))) confidence = Math.min(confidence, placement.content);
        const guessed = roles.some((role) => note.misfits.has(role));
        if (guessed) confidence *= misfitFactor;
        action.confidence[field] = confidence;
        if (confidence < lowConfidence && !candidate.reasons.has(`${key}.${field}`))
          candidate.reasons.set(`${key}.${field}`, reason);
      };
      for (const [field, roles] of Object.entries(fieldRoles) as [ActionField, ColumnRole[]][])
        lower(
          field,
          roles,
          roles.some((role) => note.misfits.has(role))
            ? "its cell fit the column poorly when the pasted table was rebuilt"
            : "the pasted table's header did not name its column: it was inferred from content",
        );
    }
  }
  return candidate;
}
