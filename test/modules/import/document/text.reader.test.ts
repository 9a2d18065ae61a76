import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Block, DocumentModel, TableBlock } from "../../../../src/modules/import/document/document.model.js";
import { readDocumentModel } from "../../../../src/modules/import/document/document.reader.js";
import { readText } from "../../../../src/modules/import/document/text.reader.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";

function table(model: DocumentModel, index = 0): TableBlock {
  const tables = model.blocks.filter((b): b is TableBlock => b.kind === "table");
  const found = tables[index];
  if (found === undefined) throw new Error(`no table ${index}`);
  return found;
}

const texts = (t: TableBlock): string[][] => t.rows.map((r) => r.cells.map((c) => c.text));
const shape = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.kind === "table" ? `table@${b.source.line}` : `${b.kind}@${b.source.line}`));

/** Every SourceRef.line points at a line of model.text. */
function expectLinesInText(model: DocumentModel): void {
  const count = model.text.split("\n").length;
  for (const b of model.blocks) {
    expect(b.source.line).toBeGreaterThanOrEqual(1);
    expect(b.source.line).toBeLessThanOrEqual(count);
    if (b.kind === "table")
      for (const row of b.rows) for (const c of row.cells) expect(c.source.line).toBeLessThanOrEqual(count);
  }
}

describe("readText: TEXT", () => {
  const text = [
    "# Action plan", // 1
    "", // 2
    "1. Agree a vision", // 3
    "  • First bullet", // 4
    "      ◦ Nested bullet", // 5
    "  - Back out", // 6
    "(i) A numbered line", // 7
    "Ref\tAction\tLead", // 8
    "1\t<p>Agree</p><ul><li>Draft</li><li>Adopt</li></ul>\tCEO", // 9
    "\fLast line on a new page", // 10 (the form feed ends line 9's page; it is a line break)
  ].join("\n");

  it("makes one block per non-blank line: heading, numbered paragraph, nested bullets, table", () => {
    const model = readText(text, "TEXT");
    expect(shape(model.blocks)).toEqual([
      "heading@1",
      "paragraph@3",
      "listItem@4",
      "listItem@5",
      "listItem@6",
      "paragraph@7",
      "table@8",
      "paragraph@11",
    ]);
    expect(model.blocks[0]).toMatchObject({ kind: "heading", level: 1, text: "Action plan" });
    expect(model.blocks[1]).toMatchObject({ kind: "paragraph", text: "1. Agree a vision" });
    expect(model.blocks[2]).toMatchObject({ depth: 0, marker: "•", ordered: false, text: "First bullet" });
    expect(model.blocks[2]!.source).toEqual({ line: 4, column: 3 });
    expect(model.blocks[3]).toMatchObject({ depth: 1, marker: "◦", text: "Nested bullet" });
    expect(model.blocks[4]).toMatchObject({ depth: 0, marker: "-", text: "Back out" });
    expect(model.blocks[5]).toMatchObject({ kind: "paragraph", text: "(i) A numbered line" });
  });

  it("turns HTML fragments in a tab-separated cell into lines, with r{row}c{col} sources", () => {
    const model = readText(text, "TEXT");
    const t = table(model);
    expect(texts(t)).toEqual([
      ["Ref", "Action", "Lead"],
      ["1", "Agree\n• Draft\n• Adopt", "CEO"],
    ]);
    // "1\t" is two characters, so the second cell starts at column 3.
    expect(t.rows[1]!.cells[1]!.source).toEqual({ line: 9, column: 3, cell: "r2c2" });
    expect(t.rows.every((r) => !r.header)).toBe(true);
  });

  it("normalises CRLF, CR and form feeds to LF in the stored text", () => {
    const model = readText("a\r\nb\rc\fd", "TEXT");
    expect(model.text).toBe("a\nb\nc\nd");
    expect(shape(model.blocks)).toEqual(["paragraph@1", "paragraph@2", "paragraph@3", "paragraph@4"]);
  });

  it("reads runs of ' | ' lines as a table, and a lone delimited line as a paragraph", () => {
    const model = readText("Lead | Date\n| CEO | March 2025 |\n\nOne | line\n", "TEXT");
    expect(texts(table(model))).toEqual([
      ["Lead", "Date"],
      ["CEO", "March 2025"],
    ]);
    expect(model.blocks[1]).toMatchObject({ kind: "paragraph", text: "One | line", source: { line: 4 } });
  });

  it("reads numbered or bulleted lines running their fields together with ' | ' as items, not a table", () => {
    const model = readText(
      "1. Agree the budget | Due: March 2025 | Status: Green\n2. Train staff | Due: June 2025\n- Hire | Lead: CEO\n",
      "TEXT",
    );
    expect(shape(model.blocks)).toEqual(["paragraph@1", "paragraph@2", "listItem@3"]);
    const framed = readText("| 1. Agree the budget | March 2025 |\n| 2. Train staff | June 2025 |\n", "TEXT");
    expect(texts(table(framed))).toEqual([
      ["1. Agree the budget", "March 2025"],
      ["2. Train staff", "June 2025"],
    ]);
  });

  it("does not take bullet or numbered lines with a tab after the marker for a two-column table", () => {
    const model = readText("•\tFirst\n•\tSecond\n1.\tThird\n2.\tFourth\n", "TEXT");
    expect(shape(model.blocks)).toEqual(["listItem@1", "listItem@2", "paragraph@3", "paragraph@4"]);
    expect(model.blocks[3]).toMatchObject({ text: "2. Fourth" });
  });
});

describe("readText: CSV", () => {
  it("reads the whole file as one table; a quoted multi-line row keeps its start line", () => {
    const csv = 'Ref;Action;Lead\r\n1;"Agree ""the"" vision\nthen publish";CEO\n\n2;Train members\n';
    const model = readText(csv, "CSV");
    expect(model.blocks).toHaveLength(1);
    const t = table(model);
    expect(texts(t)).toEqual([
      ["Ref", "Action", "Lead"],
      ["1", 'Agree "the" vision\nthen publish', "CEO"],
      ["2", "Train members"],
    ]);
    expect(t.rows.map((r) => r.source.line)).toEqual([1, 2, 5]);
    expect(t.rows[2]!.cells[1]!.source).toEqual({ line: 5, cell: "r3c2" });
    expect(model.text.split("\n")[4]).toBe("2;Train members");
  });

  it("detects a comma or tab delimiter", () => {
    expect(texts(table(readText("a,b\n1,2\n", "CSV")))).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    // Both split every line evenly; the tab gives more fields, so it is the delimiter.
    expect(texts(table(readText("a\tb\tc,d\n1\t2\t3,4\n", "CSV")))).toEqual([
      ["a", "b", "c,d"],
      ["1", "2", "3,4"],
    ]);
  });

  it("keeps the records before an unclosed quote and reads the rest unquoted, with a warning", () => {
    const model = readText('a,b\n"x\ny",2\n3,"oops\n4,5\n', "CSV");
    expect(texts(table(model))).toEqual([
      ["a", "b"],
      ["x\ny", "2"],
      ["3", '"oops'],
      ["4", "5"],
    ]);
    expect(table(model).rows.map((r) => r.source.line)).toEqual([1, 2, 4, 5]);
    expect(model.warnings).toEqual([expect.objectContaining({ line: 4 })]);
  });
});

describe("readText: MARKDOWN", () => {
  const md = [
    "# Plan", // 1
    "", // 2
    "Intro with *emphasis*, a [link](https://example.org) and `code`.", // 3
    "", // 4
    "1. First", // 5
    "   - Nested **bold**", // 6
    "2) Second", // 7
    "", // 8
    "| Ref | Action |", // 9
    "|-----|--------|", // 10
    "| R1 | Agree<br>Publish |", // 11
  ].join("\n");

  it("reads headings, paragraphs, nested lists with markers, and GFM tables with positions", () => {
    const model = readText(md, "MARKDOWN");
    expect(shape(model.blocks)).toEqual([
      "heading@1",
      "paragraph@3",
      "listItem@5",
      "listItem@6",
      "listItem@7",
      "table@9",
    ]);
    expect(model.blocks[1]).toMatchObject({ text: "Intro with emphasis, a link and code." });
    expect(model.blocks[2]).toMatchObject({ depth: 0, ordered: true, marker: "1.", text: "First" });
    expect(model.blocks[3]).toMatchObject({ depth: 1, ordered: false, marker: "-", text: "Nested bold" });
    expect(model.blocks[3]!.source).toEqual({ line: 6, column: 4 });
    expect(model.blocks[4]).toMatchObject({ depth: 0, ordered: true, marker: "2)", text: "Second" });
    const t = table(model);
    expect(texts(t)).toEqual([
      ["Ref", "Action"],
      ["R1", "Agree\nPublish"],
    ]);
    expect(t.rows.map((r) => r.header)).toEqual([true, false]);
    expect(t.rows[1]!.cells[0]!.source).toMatchObject({ line: 11, cell: "r2c1" });
  });

  it("refuses block quotes nested beyond the limit instead of spending minutes on them", () => {
    expect(() => readText(`${">".repeat(5000)} deep\n`, "MARKDOWN")).toThrow(PlanParseError);
  });
});

describe("the seed plans lowered as TEXT", () => {
  const seed = (name: string): DocumentModel =>
    readText(readFileSync(join(import.meta.dirname, `../../../../seeds/plans/${name}.txt`), "utf8"), "TEXT");
  const at = (model: DocumentModel, line: number): Block | undefined =>
    model.blocks.find((b) => b.source.line === line);

  it.each(["braintree", "brentwood", "chelmsford", "harlow", "southend-on-sea"])(
    "%s lowers with every line in the text",
    (name) => {
      const model = seed(name);
      expect(model.blocks.length).toBeGreaterThan(0);
      expectLinesInText(model);
    },
  );

  it("braintree: recommendations are paragraphs, their outcomes bullets", () => {
    const model = seed("braintree");
    expect(at(model, 11)).toMatchObject({ kind: "paragraph" });
    expect(at(model, 14)).toMatchObject({ kind: "listItem", marker: "•", depth: 0 });
  });

  it("brentwood: '- We will…' lines are bullets between the numbered paragraphs", () => {
    const model = seed("brentwood");
    expect(at(model, 16)).toMatchObject({ kind: "paragraph" });
    expect((at(model, 16) as { text: string }).text.startsWith("1 Urgent need")).toBe(true);
    expect(at(model, 17)).toMatchObject({
      kind: "listItem",
      marker: "-",
      text: expect.stringMatching(/^We will share/) as string,
    });
  });

  it("chelmsford: three five-column tables, HTML cells turned into bullet lines", () => {
    const model = seed("chelmsford");
    const tables = model.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(tables.map((t) => [t.source.line, t.rows.length, t.rows[0]!.cells.length])).toEqual([
      [15, 4, 5],
      [20, 4, 5],
      [25, 4, 5],
    ]);
    const planned = tables[0]!.rows[1]!.cells[3]!.text.split("\n");
    expect(planned[1]).toBe("• Training and development of Chair and Vice Chair");
  });

  it("harlow: the title is a paragraph and the six-column rows are tables", () => {
    const model = seed("harlow");
    expect(at(model, 3)).toMatchObject({ kind: "paragraph" });
    const first = table(model);
    expect(first.source.line).toBe(5);
    expect(first.rows[0]!.cells.map((c) => c.text)).toEqual([
      "No.",
      "Recommendation",
      "Actions",
      "Lead",
      "Target Date",
      "Progress (RAG)",
    ]);
    expect(first.rows).toHaveLength(15);
  });
});

describe("readDocumentModel for text formats", () => {
  it("decodes the bytes and lowers them", async () => {
    const model = await readDocumentModel(new TextEncoder().encode("\uFEFFa,b\r\n1,2\r\n"), "CSV");
    expect(model.format).toBe("CSV");
    expect(model.text).toBe("a,b\n1,2\n");
    expect(texts(table(model))).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});
