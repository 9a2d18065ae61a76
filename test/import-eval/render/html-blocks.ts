/** Blocks as an HTML page: site chrome in <nav>/<footer>-like markup, tables with optional thead and spans. */

import type { Random } from "../random.js";
import type { Block, Grid } from "./blocks.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface HtmlTableStyle {
  thead: boolean;
  /** Header cells as <th>, or as <td><strong>. */
  th: boolean;
  /** Packed actions as <ul><li>, or as lines split by <br>. */
  listsInCells: boolean;
}

export function blocksToHtml(blocks: readonly Block[], title: string, random: Random, style: HtmlTableStyle): string {
  const body = blocks.map((block) => blockHtml(block, style)).join("\n");
  const indent = random.chance(0.5);
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>td,th{border:1px solid #999;padding:4px}</style>\n</head>\n<body>\n<main id="main-content">\n${body}\n</main>\n</body>\n</html>\n`;
  return indent ? html : html.replace(/\n/g, random.chance(0.5) ? "" : "\n");
}

function blockHtml(block: Block, style: HtmlTableStyle): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case "paragraph":
      return `<p>${escapeHtml(block.text).replaceAll("\n", "<br>")}</p>`;
    case "links":
      return `<nav><ul class="links">${block.items.map((i) => `<li><a href="#">${escapeHtml(i)}</a></li>`).join("")}</ul></nav>`;
    case "blank":
      return "<p>&nbsp;</p>";
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const items = block.items.map((item) => {
        const marker = item.marker === null ? "" : `${escapeHtml(item.marker)} `;
        const details = item.details.map((d) => `<br>${escapeHtml(d)}`).join("");
        return `<li>${marker}${escapeHtml(item.text).replaceAll("\n", "<br>")}${details}</li>`;
      });
      return `<${tag}>\n${items.join("\n")}\n</${tag}>`;
    }
    case "table":
      return tableHtml(block.grid, style);
  }
}

function tableHtml(grid: Grid, style: HtmlTableStyle): string {
  const rows: string[] = [];
  if (grid.header !== null) {
    const cells = grid.header.map((h) =>
      style.th ? `<th>${escapeHtml(h)}</th>` : `<td><strong>${escapeHtml(h)}</strong></td>`,
    );
    const row = `<tr>${cells.join("")}</tr>`;
    rows.push(style.thead ? `<thead>${row}</thead>\n<tbody>` : row);
  }
  for (const row of grid.rows) {
    const cells = row
      .filter((cell) => !cell.covered)
      .map((cell) => {
        const span = cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : "";
        const fill = cell.fill === null ? "" : ` style="background-color:${cell.fill}"`;
        const lines = cell.lines.map((l) => escapeHtml(l).replaceAll("\n", "<br>"));
        const content =
          cell.bullets && style.listsInCells
            ? `<ul>${lines.map((l) => `<li>${l}</li>`).join("")}</ul>`
            : (cell.bullets ? lines.map((l) => `• ${l}`) : lines).join("<br>");
        return `<td${span}${fill}>${content}</td>`;
      });
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  const open = grid.header !== null && style.thead ? "" : "<tbody>";
  return `<table>\n${open}${rows.join("\n")}\n</tbody>\n</table>`;
}
