import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { tableGrid } from "../../../../src/modules/import/document/document.grid.js";
import type { DocumentModel, TableBlock } from "../../../../src/modules/import/document/document.model.js";
import { readDocumentModel } from "../../../../src/modules/import/document/document.reader.js";
import { formatNumber, readXlsx } from "../../../../src/modules/import/document/xlsx.reader.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanParseError) return error.reason;
    throw error;
  }
  throw new Error("expected a PlanParseError");
}

function tables(model: DocumentModel): TableBlock[] {
  return model.blocks.filter((b): b is TableBlock => b.kind === "table");
}

/** The grid as text: a cell's text at its origin, "^" where a span carries it. */
function gridText(t: TableBlock): string[][] {
  return tableGrid(t).map((row) => row.map((g) => (g === null ? "·" : g.origin ? g.cell.text : "^")));
}

async function planWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = "Corporate Peer Challenge action plan";
  const plan = workbook.addWorksheet("Plan");
  plan.getCell("A1").value = "Action plan 2025";
  plan.getCell("A2").value = "Updated quarterly by the Policy team.";
  plan.getRow(4).values = ["Ref", "Recommendation", "Action", "Lead", "Deadline", "Done"];
  plan.getRow(4).font = { bold: true };
  plan.getRow(5).values = [
    1,
    "Vision",
    "Agree the vision\nPublish it",
    { richText: [{ text: "Chief " }, { text: "Executive", font: { bold: true } }] },
    new Date(Date.UTC(2025, 2, 31)),
    { formula: "1/4", result: 0.25 },
  ];
  plan.getCell("F5").numFmt = "0%";
  plan.getRow(6).values = [
    null,
    null,
    "Train members",
    { text: "Leader", hyperlink: "https://example.org/leader" },
    { formula: "E5+1", result: new Date(Date.UTC(2025, 3, 1)) },
    1234.5,
  ];
  plan.getCell("F6").numFmt = "#,##0.00";
  plan.mergeCells("A5:A6");
  plan.mergeCells("B5:B6");
  plan.getRow(7).values = [2, "Governance, across two columns", null, "Monitoring Officer"];
  plan.mergeCells("B7:C7");
  const workings = workbook.addWorksheet("Workings");
  workings.state = "hidden";
  workings.getCell("A1").value = "lookup values nobody should import";
  const second = workbook.addWorksheet("Updates");
  second.getCell("B2").value = "Quarter 1";
  second.getCell("B3").value = "Ref";
  second.getCell("C3").value = "Update";
  second.getCell("B4").value = 1;
  second.getCell("C4").value = "On track";
  second.getRow(4).hidden = true;
  // Four blank rows (5–8) end the first table; row 9 starts a region of its own.
  second.getCell("B9").value = "Quarter 2";
  second.getCell("B10").value = 1;
  second.getCell("C10").value = "Complete";
  return bytesOf(workbook);
}

describe("readXlsx", () => {
  it("writes one line per non-blank row, cells tab-separated, a [Sheet: …] line before each sheet", async () => {
    const model = readXlsx(await planWorkbook());
    expect(model.format).toBe("XLSX");
    expect(model.title).toBe("Corporate Peer Challenge action plan");
    expect(model.text.split("\n")).toEqual([
      "[Sheet: Plan]",
      "Action plan 2025",
      "Updated quarterly by the Policy team.",
      "Ref\tRecommendation\tAction\tLead\tDeadline\tDone",
      "1\tVision\tAgree the vision / Publish it\tChief Executive\t31 March 2025\t25%",
      "\t\tTrain members\tLeader\t1 April 2025\t1,234.50",
      "2\tGovernance, across two columns\t\tMonitoring Officer",
      "[Sheet: Updates]",
      "Quarter 1",
      "Ref\tUpdate",
      "1\tOn track",
      "Quarter 2",
      "1\tComplete",
    ]);
  });

  it("makes the leading single-cell rows a heading and a paragraph, the rest a table", async () => {
    const model = readXlsx(await planWorkbook());
    expect(model.blocks.slice(0, 3).map((b) => b.kind)).toEqual(["heading", "paragraph", "table"]);
    expect(model.blocks[0]).toMatchObject({
      kind: "heading",
      level: 1,
      text: "Action plan 2025",
      source: { line: 2, column: 1, sheet: "Plan", cell: "A1" },
    });
    expect(model.blocks[1]).toMatchObject({ kind: "paragraph", source: { line: 3, cell: "A2" } });
  });

  it("reads cells as displayed: rich text, dates, cached formula results, formats, links, line breaks", async () => {
    const [plan] = tables(readXlsx(await planWorkbook()));
    const row5 = plan!.rows[1]!.cells.map((c) => c.text);
    expect(row5).toEqual(["1", "Vision", "Agree the vision\nPublish it", "Chief Executive", "31 March 2025", "25%"]);
    const row6 = plan!.rows[2]!.cells.map((c) => c.text);
    expect(row6).toEqual(["Train members", "Leader", "1 April 2025", "1,234.50"]);
    // "1\tVision\t" is 9 characters, so C5 starts at column 10 of line 5.
    expect(plan!.rows[1]!.cells[2]!.source).toEqual({ line: 5, column: 10, sheet: "Plan", cell: "C5" });
  });

  it("turns merged ranges into spans on the master cell and leaves covered cells out", async () => {
    const [plan] = tables(readXlsx(await planWorkbook()));
    expect(plan!.rows[1]!.cells[0]).toMatchObject({ text: "1", rowSpan: 2, colSpan: 1 });
    expect(plan!.rows[3]!.cells[1]).toMatchObject({ text: "Governance, across two columns", colSpan: 2 });
    expect(gridText(plan!)).toEqual([
      ["Ref", "Recommendation", "Action", "Lead", "Deadline", "Done"],
      ["1", "Vision", "Agree the vision\nPublish it", "Chief Executive", "31 March 2025", "25%"],
      ["^", "^", "Train members", "Leader", "1 April 2025", "1,234.50"],
      ["2", "Governance, across two columns", "^", "Monitoring Officer", "", ""],
    ]);
  });

  it("hints a bold first row as the header, and no other", async () => {
    const [plan, updates] = tables(readXlsx(await planWorkbook()));
    expect(plan!.rows.map((r) => r.header)).toEqual([true, false, false, false]);
    expect(updates!.rows.every((r) => !r.header)).toBe(true);
  });

  it("skips hidden sheets, keeps hidden rows with a warning, and splits a sheet at a long blank run", async () => {
    const model = readXlsx(await planWorkbook());
    expect(model.text).not.toContain("lookup values");
    const updates = model.blocks.filter((b) => b.source.sheet === "Updates");
    expect(updates.map((b) => b.kind)).toEqual(["heading", "table", "heading", "table"]);
    expect(updates[0]).toMatchObject({ level: 1, text: "Quarter 1" });
    expect(updates[2]).toMatchObject({ level: 2, text: "Quarter 2", source: { line: 12, cell: "B9" } });
    expect((updates[1] as TableBlock).rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Ref", "Update"],
      ["1", "On track"],
    ]);
    expect(model.warnings).toEqual([{ line: 8, message: expect.stringContaining("1 hidden row(s)") as string }]);
  });

  it("keeps a blank row inside a table out of it without ending the table", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("S");
    ws.getRow(1).values = ["Ref", "Action"];
    ws.getRow(2).values = [1, "Agree"];
    ws.getRow(4).values = [2, "Publish"];
    const model = readXlsx(await bytesOf(workbook));
    expect(model.blocks).toHaveLength(1);
    expect(tables(model)[0]!.rows.map((r) => r.source.line)).toEqual([2, 3, 4]);
  });

  it("is wired into readDocumentModel", async () => {
    const model = await readDocumentModel(await planWorkbook(), "XLSX");
    expect(model.format).toBe("XLSX");
  });
});

/** The parts of a one-cell workbook exceljs writes, to damage one at a time. */
async function entries(): Promise<Record<string, Uint8Array>> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Plan").getCell("A1").value = "x";
  return unzipSync(await bytesOf(workbook));
}

describe("readXlsx on hostile or broken workbooks", () => {
  it("refuses a zip bomb with limit_exceeded before any XML is parsed", async () => {
    const files = await entries();
    // 20 MB of zeros deflate to ~20 KB: far beyond 200× the archive's size.
    files["xl/media/image1.png"] = new Uint8Array(20 * 1024 * 1024);
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(reasonOf(() => readXlsx(bomb))).toBe("import.limit_exceeded");
  });

  it("refuses a merge over millions of cells before they are materialised", async () => {
    const files = await entries();
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    files["xl/worksheets/sheet1.xml"] = strToU8(
      sheet.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:Z100000"/></mergeCells>'),
    );
    expect(reasonOf(() => readXlsx(zipSync(files)))).toBe("import.limit_exceeded");
  });

  it("calls bytes that are no zip, and a zip without a workbook, corrupt", () => {
    expect(reasonOf(() => readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9])))).toBe(
      "import.corrupt_document",
    );
    expect(reasonOf(() => readXlsx(zipSync({ "a.txt": strToU8("hi") })))).toBe("import.corrupt_document");
  });

  it("calls damaged workbook XML corrupt rather than reading it as empty", async () => {
    const files = await entries();
    files["xl/workbook.xml"] = strToU8("<workbook><sheets><sheet name=");
    expect(reasonOf(() => readXlsx(zipSync(files)))).toBe("import.corrupt_document");
  });
});

describe("formatNumber", () => {
  it.each([
    [0.25, "0%", "25%"],
    [0.125, "0.0%", "12.5%"],
    [1234.5, "#,##0.00", "1,234.50"],
    [1234.5, "£#,##0", "£1,235"],
    [-3, "0.00", "-3.00"],
    [0.1 + 0.2, "General", "0.3"],
    [42, undefined, "42"],
    [5, "0.00E+00", "5"],
  ])("%s under %s is %s", (value, numFmt, expected) => {
    expect(formatNumber(value, numFmt)).toBe(expected);
  });
});

describe("readXlsx on SpreadsheetML other writers produce", () => {
  it("reads inline strings and formula strings, unescapes _xHHHH_, and leaves phonetic guides out", () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Action</t></is></c><c r="B1" t="s"><v>0</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><r><t>Review </t></r><r><t>scrutiny_x000A_by March</t></r></is></c><c r="B2" t="str"><f>"Chief"&amp;" Executive"</f><v>Chief Executive</v></c></row>
</sheetData></worksheet>`;
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Lead</t><rPh sb="0" eb="1"><t>reedo</t></rPh></si></sst>`;
    const workbook = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const model = readXlsx(
      zipSync({
        "xl/workbook.xml": strToU8(workbook),
        "xl/_rels/workbook.xml.rels": strToU8(rels),
        "xl/sharedStrings.xml": strToU8(shared),
        "xl/worksheets/sheet1.xml": strToU8(sheet),
      }),
    );
    const [table] = tables(model);
    expect(table!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["Action", "Lead"],
      ["Review scrutiny\nby March", "Chief Executive"],
    ]);
  });

  it("calls a sheet whose XML ends early corrupt", async () => {
    const files = await entries();
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    files["xl/worksheets/sheet1.xml"] = strToU8(sheet.slice(0, Math.floor(sheet.length / 2)));
    expect(reasonOf(() => readXlsx(zipSync(files)))).toBe("import.corrupt_document");
  });
});
