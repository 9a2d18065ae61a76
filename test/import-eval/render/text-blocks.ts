/**
 * Blocks as plain text, the way copying a rendered page gives it: one line per heading, paragraph,
 * link and list item, and a table as one cell per line.
 */

import type { Block, Grid } from "./blocks.js";

export function blocksToText(blocks: readonly Block[], bullet: string): string {
  const lines: string[] = [];
  // A table's lines are its cells, blank ones included: only the gaps between blocks are squeezed.
  const cells = new Set<number>();
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
        for (const line of gridAsCellLines(block.grid)) {
          cells.add(lines.length);
          lines.push(line);
        }
        lines.push("");
        break;
    }
  }
  // At most two blank lines in a row between blocks, as a pasted page has them.
  const out: string[] = [];
  let blanks = 0;
  lines.forEach((line, i) => {
    blanks = line === "" && !cells.has(i) ? blanks + 1 : 0;
    if (blanks <= 2) out.push(line);
  });
  return `${out.join("\n")}\n`;
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
