/**
 * Blocks as plain text, the way copying a rendered page gives it: one line per heading, paragraph,
 * link and list item, and a table as one cell per line.
 */

import type { Block, Grid } from "./blocks.js";

export function blocksToText(blocks: readonly Block[], bullet: string): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
      case "paragraph":
        lines.push(...block.text.split("\n"), "");
        break;
      case "links":
        lines.push(...block.items, "");
        break;
      case "blank":
        lines.push("");
        break;
      case "list":
        block.items.forEach((item, i) => {
          const marker = item.marker ?? (block.ordered ? `${i + 1}.` : bullet);
          lines.push(`${marker} ${item.text.replaceAll("\n", " ")}`, ...item.details.map((d) => `  ${d}`));
        });
        lines.push("");
        break;
      case "table":
        lines.push(...gridAsCellLines(block.grid), "");
        break;
    }
  }
  return `${lines.join("\n").replace(/\n{4,}/g, "\n\n\n")}\n`;
}

/** A table copied out of a browser into a text box: every cell on its own line(s). */
export function gridAsCellLines(grid: Grid, bullet = "•"): string[] {
  const lines: string[] = [];
  if (grid.header !== null) lines.push(...grid.header);
  for (const row of grid.rows)
    for (const cell of row) {
      if (cell.covered) continue;
      const cellLines = cell.lines.flatMap((line) => line.split("\n"));
      lines.push(...(cell.bullets ? cellLines.map((l) => `${bullet} ${l}`) : cellLines));
    }
  return lines;
}
