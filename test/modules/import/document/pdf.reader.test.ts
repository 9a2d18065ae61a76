import { describe, expect, it } from "vitest";
import type { Block, DocumentModel, TableBlock } from "../../../../src/modules/import/document/document.model.js";
import { tableGrid } from "../../../../src/modules/import/document/document.grid.js";
import { readDocumentModel } from "../../../../src/modules/import/document/document.reader.js";
import { pdfLimits, readPdf } from "../../../../src/modules/import/document/pdf.reader.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";
import { readPlanDocument } from "../../../../src/modules/import/reader/plan.reader.js";
import { writePdf, type PdfPageSpec, type PdfTextSpec } from "../../../support/pdf-writer.js";

// Positions are pdfkit's (points from the top-left, y the top of the text); body text is 10 pt
// Helvetica, so a 12 pt step is an ordinary wrapped line.

const at = (x: number, y: number, text: string, extra: Partial<PdfTextSpec> = {}): PdfTextSpec => ({
  text,
  x,
  y,
  ...extra,
});

const bold = { font: "Helvetica-Bold" };

function grid(table: Block | undefined): (string | null)[][] {
  expect(table?.kind).toBe("table");
  return tableGrid(table as TableBlock).map((row) => row.map((cell) => cell?.cell.text ?? null));
}

function textLine(model: DocumentModel, line: number): string {
  return model.text.split("\n")[line - 1]!;
}

async function expectReason(bytes: Uint8Array, reason: string): Promise<void> {
  const error = await readPdf(bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PlanParseError);
  expect((error as PlanParseError).reason).toBe(reason);
}

/** The 4-column table drawn in both tests below: header, then rows at `rowTops`. */
function planTable(rowTops: number[][]): PdfTextSpec[] {
  const [first, second, third] = rowTops as [number[], number[], number[]];
  return [
    at(72, 220, "No.", bold),
    at(110, 220, "Recommendation", bold),
    at(270, 220, "Action", bold),
    at(450, 220, "Lead", bold),
    at(72, first[0]!, "1"),
    at(110, first[0]!, "Improve the way the"),
    at(270, first[0]!, "Set up a board"),
    at(450, first[0]!, "Chief Executive"),
    at(110, first[1]!, "council plans"),
    at(270, first[1]!, "that meets monthly"),
    // A further action of the same recommendation: first two columns left empty.
    at(270, second[0]!, "• Publish a plan"),
    at(450, second[0]!, "Leader"),
    at(72, third[0]!, "2a"),
    at(110, third[0]!, "Listen to"),
    at(270, third[0]!, "Run a survey"),
    at(450, third[0]!, "Director"),
    at(72, third[1]!, "(new)"),
    at(110, third[1]!, "residents"),
    at(270, third[1]!, "- Report back"),
  ];
}

const expectedPlanGrid = [
  ["No.", "Recommendation", "Action", "Lead"],
  ["1", "Improve the way the council plans", "Set up a board that meets monthly", "Chief Executive"],
  ["", "", "• Publish a plan", "Leader"],
  ["2a (new)", "Listen to residents", "Run a survey\n• Report back", "Director"],
];

describe("readPdf", () => {
  it("joins prose wrapped over lines into one paragraph, mending words hyphenated at the wrap", async () => {
    const pdf = await writePdf({
      title: "Corporate Peer Challenge: action plan",
      pages: [
        {
          texts: [
            at(72, 72, "Our response", { size: 18, font: "Helvetica-Bold" }),
            at(72, 110, "The council welcomes the peer challenge and will imple-"),
            at(72, 122, "ment its recommendations over the next two years, reporting to"),
            at(72, 134, "Cabinet each quarter on well-"),
            at(72, 146, "Being and finance."),
            // A blank line's gap: a new paragraph.
            at(72, 170, "A second paragraph."),
          ],
        },
      ],
    });
    const model = await readPdf(pdf);
    expect(model.format).toBe("PDF");
    expect(model.title).toBe("Corporate Peer Challenge: action plan");
    expect(model.blocks.map((block) => block.kind)).toEqual(["heading", "paragraph", "paragraph"]);
    expect(model.blocks[0]).toMatchObject({ kind: "heading", level: 1, text: "Our response" });
    expect(model.blocks[1]).toMatchObject({
      text:
        "The council welcomes the peer challenge and will implement its recommendations over the next " +
        "two years, reporting to Cabinet each quarter on well- Being and finance.",
      // Line 2 of the rebuilt text, first glyph at x 72, baseline 841.89 − (110 + 0.718 × 10).
      source: { line: 2, page: 1, x: 72, y: 724.71 },
    });
    expect(model.blocks[2]).toMatchObject({ text: "A second paragraph.", source: { line: 6 } });
    expect(model.text.split("\n")).toHaveLength(6);
    expect(textLine(model, 3)).toBe("ment its recommendations over the next two years, reporting to");
  });

  it("ranks headings by size, and reads a short bold line at body size as the lowest heading", async () => {
    const pdf = await writePdf({
      pages: [
        {
          texts: [
            at(72, 60, "Action plan", { size: 20 }),
            at(72, 100, "Theme one: leadership", { size: 14 }),
            at(72, 130, "Body text of the first theme, long enough to be prose."),
            at(72, 160, "Recommendation 1", bold),
            at(72, 180, "More body text."),
            at(72, 210, "Theme two: finance", { size: 14 }),
            at(72, 240, "Body text of the second theme."),
          ],
        },
      ],
    });
    const { blocks, title } = await readPdf(pdf);
    expect(title).toBeNull();
    expect(blocks.map((block) => (block.kind === "heading" ? `h${block.level} ${block.text}` : block.kind))).toEqual([
      "h1 Action plan",
      "h2 Theme one: leadership",
      "paragraph",
      "h3 Recommendation 1",
      "paragraph",
      "h2 Theme two: finance",
      "paragraph",
    ]);
  });

  it("reads bullets and numbered items as list items, nested by indentation, wrapped items joined", async () => {
    const pdf = await writePdf({
      pages: [
        {
          texts: [
            at(72, 72, "The council will:"),
            at(72, 96, "• Set up a board"),
            // Bullet and text as separate runs (a hanging indent).
            at(72, 108, "•"),
            at(86, 108, "Review the budget each quarter and publish the"),
            at(86, 120, "results"),
            at(90, 132, "– with members"),
            at(72, 144, "• Report back"),
            at(72, 170, "1. First numbered"),
            at(72, 182, "a) Lettered"),
          ],
        },
      ],
    });
    const { blocks } = await readPdf(pdf);
    expect(blocks[0]).toMatchObject({ kind: "paragraph", text: "The council will:" });
    expect(blocks.slice(1).map((block) => (block.kind === "listItem" ? block : null))).toMatchObject([
      { depth: 0, ordered: false, marker: "•", text: "Set up a board", source: { line: 2 } },
      { depth: 0, ordered: false, marker: "•", text: "Review the budget each quarter and publish the results" },
      { depth: 1, ordered: false, marker: "–", text: "with members" },
      { depth: 0, ordered: false, marker: "•", text: "Report back" },
      { depth: 0, ordered: true, marker: "1.", text: "First numbered" },
      { depth: 0, ordered: true, marker: "a)", text: "Lettered" },
    ]);
  });

  it("rebuilds a table's rows from whitespace: wrapped cells joined, a gap before a row with its first column empty", async () => {
    // Rows 8 pt further apart than wrapped lines.
    const pdf = await writePdf({
      pages: [{ texts: [at(72, 190, "Our plan"), ...planTable([[240, 252], [272], [292, 304]])] }],
    });
    const model = await readPdf(pdf);
    expect(model.blocks.map((block) => block.kind)).toEqual(["paragraph", "table"]);
    expect(grid(model.blocks[1])).toEqual(expectedPlanGrid);
    const table = model.blocks[1] as TableBlock;
    // Each cell points at the line and the place in it where its text starts.
    const lead = table.rows[1]!.cells[3]!;
    expect(lead.source).toMatchObject({ cell: "r2c4", page: 1, x: 450 });
    expect(textLine(model, lead.source.line).slice(lead.source.column! - 1)).toBe("Chief Executive");
    expect(table.rows[2]!.cells[2]!.source).toMatchObject({ cell: "r3c3", line: 5, column: 1 });
    expect(textLine(model, 2)).toBe("No.\tRecommendation\tAction\tLead");
  });

  it("rebuilds a table's rows from ruling lines when the rows are no further apart than wrapped lines", async () => {
    // Every line 12 pt below the last: only the rules tell rows apart. Read by whitespace alone, row 3
    // would join row 2 (its first column is empty) and "(new)" would start a row of its own.
    const tops = [232, 244, 256, 268, 280];
    const rules = [218, 230.5, 254.5, 266.5, 292].map((y) => ({ x1: 68, y1: y, x2: 540, y2: y }));
    const columns = [68, 106, 266, 446, 540].map((x) => ({ x1: x, y1: 218, x2: x, y2: 292 }));
    const page: PdfPageSpec = {
      texts: planTable([[tops[0]!, tops[1]!], [tops[2]!], [tops[3]!, tops[4]!]]),
      lines: [...rules, ...columns],
    };
    const model = await readPdf(await writePdf({ pages: [page] }));
    expect(model.blocks).toHaveLength(1);
    expect(grid(model.blocks[0])).toEqual(expectedPlanGrid);
  });

  it("cuts header labels set closer than a cell gap where the rows start their cells, keeps a packed cell's typed lines apart, and reads cell fills", async () => {
    // "Ref" in 10 pt Helvetica ends at 88.7, 7.3 pt short of the next label: closer than the 9 pt gap
    // that separates cells (and far enough for pdf.js to keep the two runs apart).
    const pdf = await writePdf({
      pages: [
        {
          texts: [
            at(72, 60, "Our plan"),
            at(72, 100, "Ref"),
            at(96, 100, "Actions to be taken"),
            at(300, 100, "Lead"),
            at(420, 100, "RAG"),
            at(72, 120, "1"),
            at(96, 120, "• Set up a board"),
            at(96, 132, "• Publish a plan"),
            at(300, 120, "Chief Executive"),
            at(300, 132, "Leader"),
            at(420, 120, "Green"),
            at(72, 160, "2"),
            at(96, 160, "Listen to residents"),
            at(300, 160, "Director of"),
            at(300, 172, "Finance"),
            at(420, 160, "Red"),
          ],
          rects: [
            { x: 415, y: 116, width: 60, height: 30, fill: "#00b050" },
            { x: 415, y: 156, width: 60, height: 28, fill: "#ff0000" },
          ],
        },
      ],
    });
    const model = await readPdf(pdf);
    expect(grid(model.blocks[1])).toEqual([
      ["Ref", "Actions to be taken", "Lead", "RAG"],
      ["1", "• Set up a board\n• Publish a plan", "Chief Executive\nLeader", "Green"],
      ["2", "Listen to residents", "Director of Finance", "Red"],
    ]);
    const table = model.blocks[1] as TableBlock;
    expect(table.rows.map((row) => row.cells[3]!.fill ?? null)).toEqual([null, "#00b050", "#ff0000"]);
  });

  it("cuts a cell that runs up close to the next column where the column starts on the other lines", async () => {
    // Ten M's in 10 pt Helvetica are 83.3 pt wide: from x 72 they end at 155.3, 7.7 pt short of the
    // second column: closer than the 9 pt gap that otherwise separates cells (pdf.js itself merges
    // runs closer than 6 pt into one item, which no reader can cut again).
    const pdf = await writePdf({
      pages: [
        {
          texts: [
            ...[1, 2, 3].flatMap((n) => [at(72, 88 + 20 * n, `Item ${n}`), at(163, 88 + 20 * n, `Action ${n}`)]),
            at(72, 168, "MMMMMMMMMM"),
            at(163, 168, "Action 4"),
            ...[1, 2, 3, 4].map((n) => at(300, 88 + 20 * n, `Lead ${n}`)),
          ],
        },
      ],
    });
    const model = await readPdf(pdf);
    expect(model.blocks).toHaveLength(1);
    expect(grid(model.blocks[0])).toEqual([
      ["Item 1", "Action 1", "Lead 1"],
      ["Item 2", "Action 2", "Lead 2"],
      ["Item 3", "Action 3", "Lead 3"],
      ["MMMMMMMMMM", "Action 4", "Lead 4"],
    ]);
    const cut = (model.blocks[0] as TableBlock).rows[3]!.cells[1]!;
    expect(cut.source).toMatchObject({ x: 163, column: 12 });
    expect(textLine(model, cut.source.line)).toBe("MMMMMMMMMM Action 4\tLead 4");
  });

  it("keeps a packed row's blank lines, and leaves open the breaks where a word did not fit the ruled column", async () => {
    // Rules at x 68, 196, 296, 368 and 424; text 4 pt in from its left rule, so the Lead column wraps
    // at 364 and the Deadline column at 420. "Section 151" ends at 357.3: "Officer" (29.5 pt) did not
    // fit after it, so position cannot tell a wrap from a typed break; nor after "Q3" (ends 385.3,
    // "2024/25" is 36.1 pt). The Lead cell skips the third action's line; the Deadline cell starts a
    // line below the row's top (the first action has no deadline).
    const columns = [68, 196, 296, 368, 424].map((x) => ({ x1: x, y1: 96, x2: x, y2: 170 }));
    const rules = [96, 112, 170].map((y) => ({ x1: 68, y1: y, x2: 424, y2: y }));
    const pdf = await writePdf({
      pages: [
        {
          texts: [
            at(72, 60, "Our action plan"),
            at(72, 100, "Recommendation", bold),
            at(200, 100, "Action", bold),
            at(300, 100, "Lead", bold),
            at(372, 100, "Deadline", bold),
            at(72, 116, "Improve the way the"),
            at(72, 128, "council plans"),
            at(200, 116, "• Set up a board"),
            at(200, 128, "• Publish a plan"),
            at(200, 140, "• Hire staff"),
            at(300, 116, "Section 151"),
            at(300, 128, "Officer"),
            at(300, 152, "SMB"),
            at(372, 128, "Q3"),
            at(372, 140, "2024/25"),
            at(372, 152, "Ongoing"),
          ],
          lines: [...columns, ...rules],
        },
      ],
    });
    const model = await readPdf(pdf);
    expect(grid(model.blocks[1])).toEqual([
      ["Recommendation", "Action", "Lead", "Deadline"],
      [
        "Improve the way the council plans",
        "• Set up a board\n• Publish a plan\n• Hire staff",
        "Section 151\nOfficer\n\nSMB",
        "\nQ3\n2024/25\nOngoing",
      ],
    ]);
    const row = (model.blocks[1] as TableBlock).rows[1]!;
    expect(row.cells[0]!.lines).toBeUndefined();
    expect(row.cells[2]!.lines).toEqual([
      { text: "Section 151", follows: "new" },
      { text: "Officer", follows: "open" },
      { text: "", follows: "new" },
      { text: "SMB", follows: "new" },
    ]);
    expect(row.cells[3]!.lines).toEqual([
      { text: "", follows: "new" },
      { text: "Q3", follows: "new" },
      { text: "2024/25", follows: "open" },
      { text: "Ongoing", follows: "open" },
    ]);

    // The reader chooses among the open breaks: one lead and one date per action, blanks kept.
    const plan = await readPlanDocument(pdf, { filename: "plan.pdf" });
    expect(plan.recommendations[0]!.actions.map((a) => [a.text, a.lead, a.target.raw, a.target.deadline])).toEqual([
      ["Set up a board", "Section 151 Officer", null, null],
      ["Publish a plan", null, "Q3 2024/25", "2024-12-31"],
      ["Hire staff", "SMB", "Ongoing", null],
    ]);
  });

  it("joins a table running over two pages into one, its repeated header kept once", async () => {
    const header = [at(72, 60, "Recommendation", bold), at(250, 60, "Action", bold), at(430, 60, "Deadline", bold)];
    const row = (y: number, n: number): PdfTextSpec[] => [
      at(72, y, `Recommendation ${n}`),
      at(250, y, `Action ${n}`),
      at(430, y, `March 202${n}`),
    ];
    const furniture = (page: number): PdfTextSpec[] => [
      at(72, 30, "Anytown Borough Council: CPC action plan"),
      at(260, 800, `Page ${page} of 2`),
    ];
    const pdf = await writePdf({
      pages: [
        { texts: [...furniture(1), ...header, ...row(80, 1), ...row(100, 2)] },
        { texts: [...furniture(2), ...header, ...row(80, 3), ...row(100, 4), ...row(120, 5)] },
      ],
    });
    const model = await readPdf(pdf);
    expect(model.blocks).toHaveLength(1);
    const table = model.blocks[0] as TableBlock;
    expect(grid(table)).toEqual([
      ["Recommendation", "Action", "Deadline"],
      ["Recommendation 1", "Action 1", "March 2021"],
      ["Recommendation 2", "Action 2", "March 2022"],
      ["Recommendation 3", "Action 3", "March 2023"],
      ["Recommendation 4", "Action 4", "March 2024"],
      ["Recommendation 5", "Action 5", "March 2025"],
    ]);
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows[3]!.cells[0]!.source).toMatchObject({ page: 2, cell: "r4c1" });
    // The text keeps every extracted line, furniture included: 5 on page 1, 6 on page 2.
    expect(model.text.split("\n")).toHaveLength(11);
    expect(textLine(model, table.rows[3]!.source.line)).toBe("Recommendation 3\tAction 3\tMarch 2023");
  });

  it("removes a running header and 'Page N of M' footers from every page", async () => {
    const page = (n: number, y: number, words: string): PdfPageSpec => ({
      texts: [
        at(400, 30, "Action plan 2025"),
        at(72, y, words),
        at(72, y + 12, `continued on page ${n}.`),
        at(260, 800, `Page ${n} of 3`),
      ],
    });
    const model = await readPdf(
      await writePdf({ pages: [page(1, 100, "First page text"), page(2, 300, "Second"), page(3, 500, "Third")] }),
    );
    expect(model.blocks.map((block) => (block.kind === "paragraph" ? block.text : block.kind))).toEqual([
      "First page text continued on page 1.",
      "Second continued on page 2.",
      "Third continued on page 3.",
    ]);
    expect(model.blocks.map((block) => block.source.page)).toEqual([1, 2, 3]);
    expect(model.text).toContain("Page 2 of 3");
  });

  it("carries a paragraph over a page break only when it stops mid-sentence and goes on in lower case", async () => {
    const pdf = await writePdf({
      pages: [
        { texts: [at(72, 700, "The board will meet every month and"), at(72, 712, "report to Cabinet.")] },
        { texts: [at(72, 72, "Before the next review."), at(72, 100, "A list of"), at(72, 112, "actions, which")] },
        { texts: [at(72, 72, "goes on over the page."), at(72, 100, "again a new paragraph.")] },
      ],
    });
    const { blocks } = await readPdf(pdf);
    expect(blocks.map((block) => (block.kind === "paragraph" ? block.text : block.kind))).toEqual([
      "The board will meet every month and report to Cabinet.",
      "Before the next review.",
      "A list of actions, which goes on over the page.",
      "again a new paragraph.",
    ]);
  });

  it("returns no blocks and a warning for a PDF without text", async () => {
    const model = await readPdf(
      await writePdf({ pages: [{ texts: [], rects: [{ x: 50, y: 50, width: 200, height: 100 }] }] }),
    );
    expect(model.blocks).toEqual([]);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatchObject({ line: 1, message: "The PDF has no text to read (a scanned document?)." });
  });

  it("refuses an encrypted PDF as encrypted_document", async () => {
    const pdf = await writePdf({ userPassword: "secret", pages: [{ texts: [at(72, 72, "Hidden plan")] }] });
    await expectReason(pdf, "import.encrypted_document");
  });

  it("refuses garbage after a PDF signature as corrupt_document", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n" + "garbage \u0000\u0001 not a pdf ".repeat(50));
    await expectReason(bytes, "import.corrupt_document");
    await expectReason(new Uint8Array(0), "import.corrupt_document");
  });

  it("refuses a PDF with more pages than the limit as limit_exceeded", async () => {
    expect(pdfLimits.maxPages).toBe(500);
    const pdf = await writePdf({ pages: [1, 2, 3].map((n) => ({ texts: [at(72, 72, `Page text ${n}`)] })) });
    const error = await readPdf(pdf, { ...pdfLimits, maxPages: 2 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "import.limit_exceeded" });
    await expect(readPdf(pdf, { ...pdfLimits, maxPages: 3 })).resolves.toMatchObject({ format: "PDF" });
  });

  it("is what the document reader returns for PDF", async () => {
    const pdf = await writePdf({ pages: [{ texts: [at(72, 72, "One line.")] }] });
    const model = await readDocumentModel(pdf, "PDF");
    expect(model.blocks).toMatchObject([{ kind: "paragraph", text: "One line." }]);
  });
});
