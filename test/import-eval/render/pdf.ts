/**
 * PDF via pdfkit: the table is drawn as text at computed positions, wrapped within column widths,
 * with optional ruling lines, a running header and "Page n of m" footer, and the header row
 * repeated on every page the table runs over. Furniture flows as ordinary text around it.
 */

import PDFDocument from "pdfkit";
import type { EvalPlan } from "../plan.model.js";
import type { ColumnKind } from "../traits/headers.js";
import type { Block, Grid } from "./blocks.js";
import { page, planGrid } from "./blocks.js";
import { drawLayout, layoutTraits, printPlan } from "./layout.js";
import { fileName, type Renderer } from "./renderer.js";

const columnWeights: Record<ColumnKind, number> = {
  reference: 0.5,
  theme: 1.2,
  recommendation: 3,
  action: 3.5,
  lead: 1.5,
  deadline: 1.1,
  status: 1,
  update: 2.5,
};
const margin = 40;
const padding = 3;

export const renderPdf: Renderer = async (plan, random) => {
  const layout = drawLayout(plan, random);
  const { printed, expected } = printPlan(plan, layout, random);
  const grid = planGrid(printed, layout, { spans: true });
  const blocks = page(plan, layout, random, [{ kind: "table", grid }]);
  const options = {
    landscape: random.chance(0.6),
    ruled: random.chance(0.6),
    fontSize: random.pick([8, 9, 10]),
    runningHeader: random.chance(0.7),
  };
  const bytes = await drawPdf(plan, blocks, options);
  return {
    bytes,
    filename: fileName(plan, "pdf"),
    traits: [
      ...layoutTraits(layout, true),
      `pdf:${options.landscape ? "landscape" : "portrait"}`,
      `ruling:${options.ruled ? "yes" : "no"}`,
    ],
    expected,
  };
};

interface PdfOptions {
  landscape: boolean;
  ruled: boolean;
  fontSize: number;
  runningHeader: boolean;
}

// Helvetica (a standard PDF font) has no glyphs outside WinAnsi: bullets are drawn as "•".
const winAnsi = (text: string) => text.replace(/[▪]/g, "•");

async function drawPdf(plan: EvalPlan, blocks: readonly Block[], options: PdfOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    layout: options.landscape ? "landscape" : "portrait",
    margin,
    bufferPages: true,
    info: { Title: plan.title },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  doc.font("Helvetica").fontSize(options.fontSize);
  const width = doc.page.width - 2 * margin;

  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        doc.font("Helvetica-Bold").fontSize(options.fontSize + 8 - 2 * Math.min(block.level, 3));
        doc.text(winAnsi(block.text), margin, doc.y, { width });
        doc.font("Helvetica").fontSize(options.fontSize).moveDown(0.5);
        break;
      case "paragraph":
        doc.text(winAnsi(block.text), margin, doc.y, { width }).moveDown(0.5);
        break;
      case "links":
        doc.text(winAnsi(block.items.join("    ")), margin, doc.y, { width }).moveDown(0.5);
        break;
      case "blank":
        doc.moveDown(1);
        break;
      case "list":
        for (const item of block.items) {
          doc.text(winAnsi(`•  ${item.text}`), margin + 10, doc.y, { width: width - 10 });
          for (const detail of item.details) doc.text(winAnsi(detail), margin + 24, doc.y, { width: width - 24 });
        }
        doc.moveDown(0.5);
        break;
      case "table":
        drawTable(doc, block.grid, width, options);
        break;
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8);
    if (options.runningHeader)
      doc.text(winAnsi(`${plan.council} – ${plan.title}`), margin, 16, { width, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, margin, doc.page.height - 24, {
      width,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawTable(doc: PDFKit.PDFDocument, grid: Grid, width: number, options: PdfOptions): void {
  const total = grid.columns.reduce((sum, c) => sum + columnWeights[c], 0);
  const widths = grid.columns.map((c) => (columnWeights[c] / total) * width);
  const xs = widths.map((_w, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottomLimit = () => doc.page.height - margin - 10;
  const cellText = (lines: string[], bullets: boolean) =>
    winAnsi((bullets ? lines.map((l) => `• ${l}`) : lines).join("\n"));
  const heightOf = (texts: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(options.fontSize);
    return (
      Math.max(
        ...texts.map((t, i) => (t === "" ? 0 : doc.heightOfString(t, { width: (widths[i] ?? 0) - 2 * padding }))),
      ) +
      2 * padding
    );
  };
  const drawRow = (
    texts: string[],
    y: number,
    height: number,
    bold: boolean,
    fills: (string | null)[],
    ruleTop: boolean[],
  ) => {
    texts.forEach((text, i) => {
      const x = xs[i] ?? margin;
      const w = widths[i] ?? 0;
      const fill = fills[i];
      if (fill !== null && fill !== undefined) doc.save().rect(x, y, w, height).fill(fill).restore();
      if (options.ruled) {
        doc.lineWidth(0.5).strokeColor("#666666");
        if (ruleTop[i] !== false)
          doc
            .moveTo(x, y)
            .lineTo(x + w, y)
            .stroke();
        doc
          .moveTo(x, y)
          .lineTo(x, y + height)
          .stroke();
        doc
          .moveTo(x + w, y)
          .lineTo(x + w, y + height)
          .stroke();
      }
      doc
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(options.fontSize)
        .fillColor("black");
      if (text !== "") doc.text(text, x + padding, y + padding, { width: w - 2 * padding });
    });
    if (options.ruled)
      doc
        .moveTo(margin, y + height)
        .lineTo(margin + width, y + height)
        .stroke();
  };

  const header = grid.header === null ? null : grid.header.map((h) => winAnsi(h));
  const headerHeight = header === null ? 0 : heightOf(header, true);
  let y = doc.y + 4;
  const drawHeader = () => {
    if (header === null) return;
    drawRow(
      header,
      y,
      headerHeight,
      true,
      header.map(() => null),
      header.map(() => true),
    );
    y += headerHeight;
  };
  if (y + headerHeight + 40 > bottomLimit()) {
    doc.addPage();
    y = margin;
  }
  drawHeader();
  for (const row of grid.rows) {
    const texts = row.map((cell) => (cell.covered ? "" : cellText(cell.lines, cell.bullets)));
    const height = heightOf(texts, false);
    if (y + height > bottomLimit()) {
      doc.addPage();
      y = margin;
      drawHeader();
    }
    drawRow(
      texts,
      y,
      height,
      false,
      row.map((c) => c.fill),
      row.map((c) => !c.covered),
    );
    y += height;
  }
  doc.x = margin;
  doc.y = y + 10;
}
