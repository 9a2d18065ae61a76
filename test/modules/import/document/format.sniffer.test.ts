import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeText, sniffFormat } from "../../../../src/modules/import/document/format.sniffer.js";
import { zipEntryNames } from "../../../../src/modules/import/document/zip.archive.js";
import { PlanParseError } from "../../../../src/modules/import/parsers/parse.errors.js";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function reasonOf(run: () => unknown): { reason: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanParseError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error("expected a PlanParseError");
}

function ole(extra: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(extra, 1024);
  return bytes;
}

describe("decodeText", () => {
  it("strips a UTF-8 BOM and decodes UTF-8", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc2, 0xa3, 0x35]))).toBe("£5");
  });

  it("decodes UTF-16LE and UTF-16BE by their BOMs, dropping the BOM", () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xac, 0x20]))).toBe("A€");
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x20, 0xac]))).toBe("A€");
  });

  it("falls back to windows-1252 for bytes that are not UTF-8, 0x80–0x9F included", () => {
    // 0x93/0x94 are curly quotes, 0x96 an en dash, 0x80 the euro, 0xA3 the pound: Word on Windows.
    expect(decodeText(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0xa3]))).toBe(
      "\u201CA\u201D \u2013 €£",
    );
  });

  it("keeps valid UTF-8 as UTF-8", () => {
    expect(decodeText(utf8("Leader – “vision”"))).toBe("Leader – “vision”");
  });
});

describe("sniffFormat: binary formats by content", () => {
  it("finds %PDF- within the first KB, whatever the name", () => {
    expect(sniffFormat(utf8("%PDF-1.7\n..."), "plan.txt")).toBe("PDF");
    expect(sniffFormat(new Uint8Array([...new Uint8Array(500), ...utf8("%PDF-1.4")]))).toBe("PDF");
  });

  it("tells DOCX and XLSX apart by the entries their zip holds", async () => {
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    expect(sniffFormat(docx, "plan.xlsx")).toBe("DOCX");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Plan").getCell("A1").value = "x";
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sniffFormat(xlsx, "plan.docx")).toBe("XLSX");
  });

  it("names other zip formats in an unsupported_format error", () => {
    const odt = zipSync({
      mimetype: strToU8("application/vnd.oasis.opendocument.text"),
      "content.xml": strToU8("<x/>"),
    });
    const odtError = reasonOf(() => sniffFormat(odt));
    expect(odtError.reason).toBe("import.unsupported_format");
    expect(odtError.message).toContain("OpenDocument");
    const pptx = zipSync({ "ppt/presentation.xml": strToU8("<p/>") });
    expect(reasonOf(() => sniffFormat(pptx)).message).toContain("PowerPoint");
    const other = zipSync({ "readme.txt": strToU8("hello") });
    expect(reasonOf(() => sniffFormat(other)).message).toContain("not a Word (.docx) or Excel (.xlsx)");
  });

  it("refuses an encrypted Office file (an OLE file with an EncryptedPackage stream)", () => {
    const encrypted = ole(new Uint8Array(Buffer.from("EncryptedPackage", "utf16le")));
    expect(reasonOf(() => sniffFormat(encrypted, "plan.xlsx")).reason).toBe("import.encrypted_document");
  });

  it("refuses an old binary .doc/.xls with a message saying what to do", () => {
    const doc = ole(new Uint8Array(Buffer.from("WordDocument", "utf16le")));
    const error = reasonOf(() => sniffFormat(doc, "plan.doc"));
    expect(error.reason).toBe("import.unsupported_format");
    expect(error.message).toContain(".docx/.xlsx");
  });

  it.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0]],
    ["GIF", [...utf8("GIF89a")]],
    ["TIFF", [0x49, 0x49, 0x2a, 0x00]],
    ["RTF", [...utf8("{\\rtf1\\ansi hello}")]],
  ])("refuses %s as unsupported_format", (_name, bytes) => {
    expect(reasonOf(() => sniffFormat(new Uint8Array(bytes))).reason).toBe("import.unsupported_format");
  });

  it("calls a corrupt zip corrupt", () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(reasonOf(() => sniffFormat(bytes)).reason).toBe("import.corrupt_document");
  });
});

describe("sniffFormat: text formats by structure", () => {
  it("reads a doctype, an <html> root, or a document that is mostly markup as HTML", () => {
    expect(sniffFormat(utf8("\n<!DOCTYPE html><html><body><p>x</p></body></html>"))).toBe("HTML");
    expect(sniffFormat(utf8("<html lang=en><p>Plan</p>"))).toBe("HTML");
    expect(sniffFormat(utf8("<table><tr><td>1</td><td>Vision</td></tr></table>"))).toBe("HTML");
  });

  it("keeps a tab-separated text with HTML fragments in its cells as TEXT", () => {
    const text = "Action plan\n\nAction\tDetail\tLead\nScrutiny\t<p>Review</p><ul><li>Training</li></ul>\tDirector\n";
    expect(sniffFormat(utf8(text), "plan.txt")).toBe("TEXT");
  });

  it("reads a pipe table with a separator row, or ATX headings with lists, as Markdown", () => {
    expect(sniffFormat(utf8("Plan\n\n| Ref | Action |\n|---|:---:|\n| 1 | Vision |\n"))).toBe("MARKDOWN");
    expect(sniffFormat(utf8("# Action plan\n\n- Agree a vision\n- Publish it\n"))).toBe("MARKDOWN");
  });

  it("does not take one '# ' line alone for Markdown, unless the name says .md", () => {
    const text = "# Action plan\nAgree a vision by March.\n";
    expect(sniffFormat(utf8(text), "plan.txt")).toBe("TEXT");
    expect(sniffFormat(utf8(text), "PLAN.MD")).toBe("MARKDOWN");
  });

  it("reads comma- and semicolon-separated records as CSV, RFC 4180 quotes and all", () => {
    expect(
      sniffFormat(utf8('Ref,Action,Lead\n1,"Agree, then publish",CEO\n2,Train members,Monitoring Officer\n')),
    ).toBe("CSV");
    expect(sniffFormat(utf8("Ref;Action;Lead\n1;Agree;CEO\n2;Train;MO\n3;Review;S151\n"))).toBe("CSV");
  });

  it("does not read prose with commas as CSV, unless the name says .csv", () => {
    const prose =
      "In March 2024, we welcomed a peer team.\nThe team spoke to councillors, officers, partners and stakeholders.\nWe will act.\n";
    expect(sniffFormat(utf8(prose))).toBe("TEXT");
    expect(sniffFormat(utf8(prose), "export.csv")).toBe("CSV");
  });

  it("refuses NUL bytes in what is not a known binary format", () => {
    expect(reasonOf(() => sniffFormat(new Uint8Array([0x41, 0x00, 0x42]))).reason).toBe("import.binary_content");
  });

  const seeds = join(import.meta.dirname, "../../../../seeds/plans");
  it.each(readdirSync(seeds).filter((f) => f.endsWith(".txt")))("sniffs the seed plan %s as TEXT", (file) => {
    expect(sniffFormat(readFileSync(join(seeds, file)), file)).toBe("TEXT");
  });
});

describe("zipEntryNames", () => {
  it("lists entry names without inflating, stopping at max", () => {
    const zip = zipSync({ a: strToU8("1"), "b/c.xml": strToU8("2"), d: strToU8("3") });
    expect(zipEntryNames(zip, 10)).toEqual(["a", "b/c.xml", "d"]);
    expect(zipEntryNames(zip, 2)).toEqual(["a", "b/c.xml"]);
  });
});
