/** XLSX via exceljs: optional title and key rows above the table, merged recommendation cells, wrapped packed cells, RAG fills. */

import ExcelJS from "exceljs";
import type { Block } from "./blocks.js";
import { page, planGrid } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, type Renderer } from "./renderer.js";

export const renderXlsx: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random);
  const { printed, expected } = printPlan(plan, layout, random);
  const grid = planGrid(printed, layout, { spans: true });
  const blocks = page(plan, layout, random, [{ kind: "table", grid }]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(random.pick(["Action Plan", "Sheet1", "CPC actions", "Recommendations"]));
  const startColumn = random.chance(0.3) ? 2 : 1;
  let rowNumber = 0;
  const put = (values: string[]): ExcelJS.Row => {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    values.forEach((value, i) => {
      if (value !== "") row.getCell(startColumn + i).value = value;
    });
    return row;
  };
  for (const block of blocks) {
    if (block.kind !== "table") {
      for (const line of blockLines(block)) {
        const row = put([line]);
        if (block.kind === "heading") row.getCell(startColumn).font = { bold: true, size: 14 };
      }
      continue;
    }
    if (block.grid.header !== null) {
      const row = put(block.grid.header);
      row.eachCell((cell) => {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      });
    }
    const first = rowNumber + 1;
    block.grid.rows.forEach((cells, r) => {
      const row = put(
        cells.map((c) => (c.covered ? "" : (c.bullets ? c.lines.map((l) => `• ${l}`) : c.lines).join("\n"))),
      );
      cells.forEach((c, i) => {
        const cell = row.getCell(startColumn + i);
        cell.alignment = { wrapText: true, vertical: "top" };
        if (c.fill !== null)
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${c.fill.slice(1)}` } };
        if (c.rowSpan > 1) sheet.mergeCells(first + r, startColumn + i, first + r + c.rowSpan - 1, startColumn + i);
      });
    });
  }
  grid.columns.forEach((kind, i) => {
    sheet.getColumn(startColumn + i).width =
      kind === "reference" ? 8 : kind === "recommendation" || kind === "action" ? 50 : 20;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    bytes: new Uint8Array(buffer),
    filename: fileName(plan, "xlsx"),
    traits: [...layoutTraits(layout, true), `offset:${startColumn === 1 ? "A" : "B"}`],
    expected,
  };
};

export function blockLines(block: Block): string[] {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return [block.text];
    case "links":
      return [block.items.join(" | ")];
    case "blank":
      return [""];
    case "list":
      return block.items.map((item) => `• ${item.text}`);
    case "table":
      return [];
  }
}
