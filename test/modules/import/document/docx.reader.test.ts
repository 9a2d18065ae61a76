import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  type FileChild,
  type INumberingOptions,
  type IStylesOptions,
} from "docx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { tableGrid } from "../../../../src/modules/import/document/document.grid.js";
import type { Block, DocumentModel, TableBlock } from "../../../../src/modules/import/document/document.model.js";
import { readDocumentModel } from "../../../../src/modules/import/document/document.reader.js";
import { docxLimits, readDocx } from "../../../../src/modules/import/document/docx.reader.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";

async function docx(
  children: FileChild[],
  options: { title?: string; numbering?: INumberingOptions; styles?: IStylesOptions } = {},
): Promise<Uint8Array> {
  const document = new Document({
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.numbering === undefined ? {} : { numbering: options.numbering }),
    ...(options.styles === undefined ? {} : { styles: options.styles }),
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === "table" ? "<table>" : `${b.kind}:${b.text}`));
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.kind === "table");
const cell = (text: string | Paragraph[], options: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: typeof text === "string" ? [new Paragraph(text)] : text, ...options });

/** The line of `text` each block's source points at. */
const lineOf = (model: DocumentModel, line: number) => model.text.split("\n")[line - 1];

function reason(read: () => unknown): string | null {
  try {
    read();
    return null;
  } catch (error) {
    return error instanceof PlanParseError ? error.reason : `not a PlanParseError: ${String(error)}`;
  }
}

const twoLevelNumbering: INumberingOptions = {
  config: [
    {
      reference: "plan",
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: "%1." },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: "%1.%2)" },
      ],
    },
  ],
};

describe("readDocx: paragraphs, headings and lists", () => {
  it("reads headings, bullets and two-level decimal numbering with Word's markers, and the title", async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: "Action plan", heading: HeadingLevel.TITLE }),
        new Paragraph({ text: "Governance", heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ text: "" }),
        new Paragraph({ text: "Intro text." }),
        new Paragraph({ text: "Agree a vision", numbering: { reference: "plan", level: 0 } }),
        new Paragraph({ text: "Hold workshops", numbering: { reference: "plan", level: 1 } }),
        new Paragraph({ text: "Publish it", numbering: { reference: "plan", level: 1 } }),
        new Paragraph({ text: "Review finances", numbering: { reference: "plan", level: 0 } }),
        new Paragraph({ text: "Restarted sub-step", numbering: { reference: "plan", level: 1 } }),
        new Paragraph({ text: "A bullet", bullet: { level: 0 } }),
        new Paragraph({ text: "A sub-bullet", bullet: { level: 1 } }),
      ],
      { title: "CPC action plan 2025", numbering: twoLevelNumbering },
    );
    const model = readDocx(bytes);
    expect(model.format).toBe("DOCX");
    expect(model.title).toBe("CPC action plan 2025");
    expect(
      model.blocks.map((b) =>
        b.kind === "listItem"
          ? [b.depth, b.ordered, b.marker, b.text]
          : b.kind === "heading"
            ? [b.level, b.text]
            : b.kind,
      ),
    ).toEqual([
      [1, "Action plan"],
      [2, "Governance"],
      "paragraph",
      [0, true, "1.", "Agree a vision"],
      [1, true, "1.a)", "Hold workshops"],
      [1, true, "1.b)", "Publish it"],
      [0, true, "2.", "Review finances"],
      [1, true, "2.a)", "Restarted sub-step"],
      [0, false, "●", "A bullet"],
      [1, false, "○", "A sub-bullet"],
    ]);
    // One line per paragraph (the empty one too), list paragraphs printed with their markers.
    expect(model.text.split("\n")).toEqual([
      "Action plan",
      "Governance",
      "",
      "Intro text.",
      "1. Agree a vision",
      "1.a) Hold workshops",
      "1.b) Publish it",
      "2. Review finances",
      "2.a) Restarted sub-step",
      "● A bullet",
      "○ A sub-bullet",
    ]);
    expect(model.blocks.map((b) => b.source.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("tells headings by style name and outline level, not by the localised style id", async () => {
    const bytes = await docx(
      [
        new Paragraph({ text: "Überschrift", style: "berschrift1" }),
        new Paragraph({ text: "Plan heading", style: "PlanHeading" }),
        new Paragraph({ text: "Outlined", outlineLevel: 2 }),
        new Paragraph({ text: "Body", style: "BodyText" }),
      ],
      {
        styles: {
          paragraphStyles: [
            { id: "berschrift1", name: "heading 1", run: { bold: true } },
            { id: "PlanHeading", name: "Plan heading", basedOn: "Heading3" },
            { id: "BodyText", name: "Body Text" },
          ],
        },
      },
    );
    const model = readDocx(bytes);
    expect(model.blocks.map((b) => (b.kind === "heading" ? [b.level, b.text] : b.kind))).toEqual([
      [1, "Überschrift"],
      [3, "Plan heading"],
      [3, "Outlined"],
      "paragraph",
    ]);
    // No dc:title: the first level-1 heading stands in.
    expect(model.title).toBe("Überschrift");
  });

  it("reads runs as printed: tabs, breaks, inserted text; not deleted text or field codes", async () => {
    const bytes = await docx([
      new Paragraph({
        children: [
          new TextRun("Lead:"),
          new TextRun({ children: [new Tab(), "Chief Executive"] }),
          new TextRun({ text: "Due March", break: 1 }),
          new DeletedTextRun({ text: " 2024", id: 1, author: "A", date: "2025-01-01T00:00:00Z" }),
          new InsertedTextRun({ text: " 2025", id: 2, author: "A", date: "2025-01-01T00:00:00Z" }),
        ],
      }),
      new Paragraph({ children: [new TextRun("Page "), new TextRun({ children: [PageNumber.CURRENT] })] }),
    ]);
    const model = readDocx(bytes);
    expect(texts(model.blocks)).toEqual(["paragraph:Lead:\tChief Executive\nDue March 2025", "paragraph:Page"]);
    expect(model.text).toBe("Lead:\tChief Executive\nDue March 2025\nPage");
    expect(model.blocks[1]!.source.line).toBe(3);
  });
});

describe("readDocx: tables", () => {
  it("reads gridSpan and vMerge as spans that tableGrid lines up, and tblHeader rows as headers", async () => {
    const bytes = await docx([
      new Paragraph("Before the table"),
      new Table({
        rows: [
          new TableRow({ tableHeader: true, children: [cell("Ref"), cell("Action"), cell("Lead")] }),
          new TableRow({
            children: [
              cell("R1", { verticalMerge: VerticalMergeType.RESTART }),
              cell("Hold workshops"),
              cell("Chief Executive", { rowSpan: 2 }),
            ],
          }),
          new TableRow({
            children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("Publish the vision")],
          }),
          new TableRow({ children: [cell("Footnote for all", { columnSpan: 3 })] }),
        ],
      }),
    ]);
    const model = readDocx(bytes);
    expect(texts(model.blocks)).toEqual(["paragraph:Before the table", "<table>"]);
    const [table] = tables(model.blocks);
    expect(table!.rows.map((r) => r.header)).toEqual([true, false, false, false]);
    expect(table!.rows.map((r) => r.cells.map((c) => [c.text, c.colSpan, c.rowSpan]))).toEqual([
      [
        ["Ref", 1, 1],
        ["Action", 1, 1],
        ["Lead", 1, 1],
      ],
      [
        ["R1", 1, 2],
        ["Hold workshops", 1, 1],
        ["Chief Executive", 1, 2],
      ],
      [["Publish the vision", 1, 1]],
      [["Footnote for all", 3, 1]],
    ]);
    const grid = tableGrid(table!).map((row) => row.map((g) => (g ? `${g.cell.text}${g.origin ? "" : "*"}` : null)));
    expect(grid).toEqual([
      ["Ref", "Action", "Lead"],
      ["R1", "Hold workshops", "Chief Executive"],
      ["R1*", "Publish the vision", "Chief Executive*"],
      ["Footnote for all", "Footnote for all*", "Footnote for all*"],
    ]);
    expect(table!.rows[2]!.cells[0]!.source.cell).toBe("r3c2");
    // Lines: 1 "Before the table", 2–4 header cells, 5–7 row 2, 8 the continuing cell's empty paragraph,
    // 9 "Publish the vision", 10 the footnote.
    expect(table!.source.line).toBe(2);
    expect(table!.rows[2]!.source.line).toBe(9);
    expect(lineOf(model, table!.rows[2]!.cells[0]!.source.line)).toBe("Publish the vision");
    expect(lineOf(model, table!.rows[3]!.cells[0]!.source.line)).toBe("Footnote for all");
    for (const row of table!.rows) for (const c of row.cells) expect(lineOf(model, c.source.line)).toBe(c.text);
  });

  it("keeps packed cells as lines: paragraphs, bullets and ordered markers; nested tables as rows of text", async () => {
    const bytes = await docx(
      [
        new Table({
          rows: [
            new TableRow({ children: [cell("Actions"), cell("Milestones")] }),
            new TableRow({
              children: [
                cell([
                  new Paragraph("Two actions:"),
                  new Paragraph({ text: "Draft", numbering: { reference: "plan", level: 0 } }),
                  new Paragraph({ text: "Agree", numbering: { reference: "plan", level: 0 } }),
                  new Paragraph({ text: "Done", bullet: { level: 0 } }),
                ]),
                new TableCell({
                  children: [
                    new Paragraph("Dates:"),
                    new Table({
                      rows: [
                        new TableRow({ children: [cell("Q1"), cell([new Paragraph("Draft"), new Paragraph("plan")])] }),
                        new TableRow({ children: [cell("Q2"), cell("")] }),
                      ],
                    }),
                    new Paragraph(""),
                  ],
                }),
              ],
            }),
          ],
        }),
      ],
      { numbering: twoLevelNumbering },
    );
    const model = readDocx(bytes);
    expect(model.blocks).toHaveLength(1);
    const [table] = tables(model.blocks);
    expect(table!.rows[1]!.cells.map((c) => c.text)).toEqual([
      "Two actions:\n1. Draft\n2. Agree\n• Done",
      "Dates:\nQ1 | Draft plan\nQ2",
    ]);
    expect(table!.rows[1]!.cells.map((c) => c.source.cell)).toEqual(["r2c1", "r2c2"]);
  });
});

describe("readDocx: bad input", () => {
  it("refuses a file that is not a zip, and a zip without word/document.xml, as corrupt", async () => {
    const bytes = await docx([new Paragraph("x")]);
    expect(reason(() => readDocx(bytes.subarray(0, bytes.length >> 1)))).toBe("import.corrupt_document");
    expect(reason(() => readDocx(strToU8("not a zip at all")))).toBe("import.corrupt_document");
    const noBody = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/styles.xml": strToU8("<w:styles/>") });
    expect(reason(() => readDocx(noBody))).toBe("import.corrupt_document");
  });

  it("refuses a body that is not XML of a Word document", () => {
    const notWord = zipSync({ "word/document.xml": strToU8("this is { not xml") });
    expect(reason(() => readDocx(notWord))).toBe("import.corrupt_document");
    const notUtf8 = zipSync({ "word/document.xml": new Uint8Array([0x3c, 0x77, 0xff, 0xfe, 0x3e]) });
    expect(reason(() => readDocx(notUtf8))).toBe("import.corrupt_document");
  });

  it("stops a zip bomb: a 300 MB entry of zeros", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(300 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(reason(() => readDocx(bomb))).toBe("import.limit_exceeded");
  });

  it("refuses XML nested 100,000 deep rather than spending quadratic time on it", () => {
    const deep = `<w:document><w:body>${"<w:sdt>".repeat(100_000)}</w:body></w:document>`;
    expect(reason(() => readDocx(zipSync({ "word/document.xml": strToU8(deep) })))).toBe("import.limit_exceeded");
  });

  it("refuses a document of more than the block limit", () => {
    const paragraphs = "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(docxLimits.maxItems + 1);
    const xml = `<w:document><w:body>${paragraphs}</w:body></w:document>`;
    expect(reason(() => readDocx(zipSync({ "word/document.xml": strToU8(xml) })))).toBe("import.limit_exceeded");
  });

  it("tells a password-protected document and a Word 97 file apart from corrupt ones", () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const encrypted = new Uint8Array([...header, ...new Uint8Array(64), ...Buffer.from("EncryptionInfo", "utf16le")]);
    expect(reason(() => readDocx(encrypted))).toBe("import.encrypted_document");
    expect(reason(() => readDocx(new Uint8Array([...header, ...new Uint8Array(64)])))).toBe(
      "import.unsupported_format",
    );
  });
});

describe("readDocumentModel: DOCX", () => {
  it("dispatches DOCX bytes to the DOCX reader", async () => {
    const model = await readDocumentModel(await docx([new Paragraph("Hello")]), "DOCX");
    expect(texts(model.blocks)).toEqual(["paragraph:Hello"]);
  });
});
