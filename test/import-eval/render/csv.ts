/** CSV as a spreadsheet exports it: title and key rows in the first column, merged cells blank or repeated. */

import type { Block } from "./blocks.js";
import { page, planGrid } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";

export const renderCsv: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random, { merges: ["repeat", "blank"] });
  const { printed, expected } = printPlan(plan, layout, random);
  const grid = planGrid(printed, layout, { spans: false });
  const blocks = page(plan, layout, random, [{ kind: "table", grid }]);
  const width = grid.columns.length;
  const separator = random.chance(0.85) ? "," : ";";
  const rows = blocks.flatMap((block) => blockRows(block, width));
  const crlf = random.chance(0.5) ? "\r\n" : "\n";
  const text = rows.map((row) => row.map((cell) => quote(cell, separator)).join(separator)).join(crlf) + crlf;
  return Promise.resolve({
    bytes: utf8(text),
    filename: fileName(plan, "csv"),
    traits: [...layoutTraits(layout, true), `separator:${separator}`],
    expected,
  });
};

function blockRows(block: Block, width: number): string[][] {
  const pad = (first: string) => [first, ...Array<string>(width - 1).fill("")];
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return [pad(block.text)];
    case "links":
      return [pad(block.items.join(" | "))];
    case "blank":
      return [pad("")];
    case "list":
      return block.items.map((item) => pad(item.text));
    case "table": {
      const body = block.grid.rows.map((row) =>
        row.map((c) => (c.bullets ? c.lines.map((l) => `• ${l}`) : c.lines).join("\n")),
      );
      return block.grid.header === null ? body : [block.grid.header, ...body];
    }
  }
}

function quote(cell: string, separator: string): string {
  return /["\n\r]/.test(cell) || cell.includes(separator) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
