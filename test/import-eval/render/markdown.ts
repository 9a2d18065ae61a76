/** Markdown: the plan as a pipe table (merged cells left blank, packed lines joined by <br>), or as headings and lists. */

import type { Block } from "./blocks.js";
import { page, planGrid, planSections } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, utf8, type Renderer } from "./renderer.js";

export const renderMarkdown: Renderer = async (plan, random) => {
  const asTable = random.chance(0.5);
  // A pipe table cannot be written without its header row.
  const layout = drawLayout(plan, random, asTable ? { headerless: false } : { packing: false });
  const { printed, expected } = printPlan(plan, layout, random);
  const body: Block[] = asTable
    ? [{ kind: "table", grid: planGrid(printed, layout, { spans: false }) }]
    : planSections(printed, layout, random, random.pick(["parallel", "inline"] as const));
  const blocks = page(plan, layout, random, body);
  return Promise.resolve({
    bytes: utf8(blocksToMarkdown(blocks, random.pick(["-", "*"]))),
    filename: fileName(plan, "md"),
    traits: [...layoutTraits(layout, asTable), `markdown:${asTable ? "table" : "lists"}`],
    expected,
  });
};

const cellMd = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", "<br>");

function blocksToMarkdown(blocks: readonly Block[], bullet: string): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${block.text.replaceAll("\n", " ")}`, "");
        break;
      case "paragraph":
        out.push(block.text.replaceAll("\n", "  \n"), "");
        break;
      case "links":
        out.push(block.items.map((i) => `[${i}](#)`).join(" · "), "");
        break;
      case "blank":
        out.push("");
        break;
      case "list":
        block.items.forEach((item, i) => {
          const marker = block.ordered ? `${i + 1}.` : bullet;
          const label = item.marker === null ? "" : `${item.marker} `;
          out.push(`${marker} ${label}${item.text.replaceAll("\n", " ")}`, ...item.details.map((d) => `  ${d}  `));
        });
        out.push("");
        break;
      case "table": {
        const { grid } = block;
        const header = grid.header ?? grid.columns.map(() => "");
        out.push(`| ${header.map(cellMd).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
        for (const row of grid.rows)
          out.push(
            `| ${row.map((c) => cellMd((c.bullets ? c.lines.map((l) => `• ${l}`) : c.lines).join("\n"))).join(" | ")} |`,
          );
        out.push("");
        break;
      }
    }
  }
  return `${out.join("\n")}\n`;
}
