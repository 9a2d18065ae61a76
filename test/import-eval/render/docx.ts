/** DOCX via the `docx` package: headings, bulleted lists, and tables with vertically merged cells and a repeated header row. */

import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from "docx";
import type { Block, Grid } from "./blocks.js";
import { page, planGrid, planSections } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, type Renderer } from "./renderer.js";

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

export const renderDocx: Renderer = async (plan, random) => {
  const asTable = random.chance(0.6);
  const layout = drawLayout(plan, random, asTable ? {} : { packing: false });
  const { printed, expected } = printPlan(plan, layout, random);
  const body: Block[] = asTable
    ? [{ kind: "table", grid: planGrid(printed, layout, { spans: true }) }]
    : planSections(printed, layout, random, random.pick(["parallel", "inline"] as const));
  const blocks = page(plan, layout, random, body);
  const document = new Document({
    title: plan.title,
    sections: [{ children: blocks.flatMap(blockChildren) }],
  });
  const buffer = await Packer.toBuffer(document);
  return {
    bytes: new Uint8Array(buffer),
    filename: fileName(plan, "docx"),
    traits: [...layoutTraits(layout, asTable), `docx:${asTable ? "table" : "lists"}`],
    expected,
  };
};

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

function blockChildren(block: Block): FileChild[] {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: headingLevels[block.level - 1], children: [new TextRun(block.text)] })];
    case "paragraph":
      return block.text.split("\n").map(para);
    case "links":
      return [para(block.items.join("   "))];
    case "blank":
      return [para("")];
    case "list":
      return block.items.flatMap((item) => [
        new Paragraph({
          ...(block.ordered || item.marker !== null ? {} : { bullet: { level: 0 } }),
          children: [new TextRun(`${item.marker === null ? "" : `${item.marker} `}${item.text}`)],
        }),
        ...item.details.map((d) => new Paragraph({ indent: { left: 720 }, children: [new TextRun(d)] })),
      ]);
    case "table":
      return [gridTable(block.grid)];
  }
}

function gridTable(grid: Grid): Table {
  const rows: TableRow[] = [];
  if (grid.header !== null)
    rows.push(
      new TableRow({
        tableHeader: true,
        children: grid.header.map(
          (h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
        ),
      }),
    );
  for (const row of grid.rows)
    rows.push(
      new TableRow({
        children: row
          .filter((cell) => !cell.covered)
          .map(
            (cell) =>
              new TableCell({
                ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                ...(cell.fill === null
                  ? {}
                  : { shading: { type: ShadingType.CLEAR, fill: cell.fill.slice(1), color: "auto" } }),
                children: cell.lines.flatMap((line) =>
                  line.split("\n").map(
                    (l) =>
                      new Paragraph({
                        ...(cell.bullets ? { bullet: { level: 0 } } : {}),
                        children: [new TextRun(l)],
                      }),
                  ),
                ),
              }),
          ),
      }),
    );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}
