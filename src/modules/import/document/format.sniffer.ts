import type { DocumentFormat } from "./document.model.js";
import { delimiterFit, isDelimitedFit } from "./csv.delimiter.js";
import { isZip, officeZipLimits, zipEntryNames } from "./zip.archive.js";
import { PlanParseError } from "../parsers/parse.errors.js";

/**
 * Tells a document's format from its bytes. Binary formats go by their magic bytes and, for zip
 * archives, by the entries they hold; text goes by its structure. The file name only settles what
 * the content leaves open (a CSV or Markdown file too small or plain to show it), never overrides it.
 */

/** Bytes 0x80–0x9F as windows-1252 prints them (Node's "windows-1252" decoder is ISO-8859-1 there). */
// prettier-ignore
const windows1252High: readonly string[] = [
  "\u20AC", "\u0081", "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021",
  "\u02C6", "\u2030", "\u0160", "\u2039", "\u0152", "\u008D", "\u017D", "\u008F",
  "\u0090", "\u2018", "\u2019", "\u201C", "\u201D", "\u2022", "\u2013", "\u2014",
  "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", "\u009D", "\u017E", "\u0178",
];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/**
 * The bytes as text: a BOM (UTF-8, UTF-16LE, UTF-16BE) decides and is dropped; otherwise UTF-8
 * when the bytes are valid UTF-8, else windows-1252 (what Word and Excel on Windows write).
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe]))
    return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff]))
    return new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString("latin1")
      .replace(/[\x80-\x9f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80]!);
  }
}

/** Binary formats that are not plans' formats, by their magic bytes, named for the error message. */
export const unsupportedSignatures: readonly { bytes: readonly number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: "a TIFF image" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF document: save it as .docx" },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: "an empty zip archive" },
  { bytes: [0x50, 0x4b, 0x07, 0x08], what: "a split zip archive" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "a 7-Zip archive" },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: "a RAR archive" },
];

/** The OLE compound file signature: Office 97–2003 files, and Office 2007+ files once encrypted. */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
/** The stream an encrypted OOXML file keeps its real (zip) content in, named in UTF-16LE. */
const encryptedPackageName = Buffer.from("EncryptedPackage", "utf16le");

/** Zip-based formats other than DOCX and XLSX, by an entry only they have. */
export const otherZipFormats: readonly { entry: string; what: string }[] = [
  { entry: "ppt/presentation.xml", what: "a PowerPoint presentation (.pptx)" },
  { entry: "xl/workbook.bin", what: "an Excel binary workbook (.xlsb): save it as .xlsx" },
  { entry: "META-INF/container.xml", what: "an EPUB book" },
  { entry: "content.xml", what: "an OpenDocument file (.odt/.ods/.odp): save it as .docx or .xlsx" },
];

function sniffZip(bytes: Uint8Array): DocumentFormat {
  const names = new Set(zipEntryNames(bytes, officeZipLimits.maxEntries).map((n) => n.replace(/^\/+/, "")));
  if (names.has("word/document.xml")) return "DOCX";
  if (names.has("xl/workbook.xml")) return "XLSX";
  const other = otherZipFormats.find((f) => names.has(f.entry));
  throw new PlanParseError(
    "import.unsupported_format",
    other === undefined
      ? "The file is a zip archive but not a Word (.docx) or Excel (.xlsx) document."
      : `The file is ${other.what}, not a format action plans are read from.`,
  );
}

function sniffOle(bytes: Uint8Array): never {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(encryptedPackageName) !== -1)
    throw new PlanParseError(
      "import.encrypted_document",
      "The document is password-protected (encrypted): save an unprotected copy and import that.",
    );
  throw new PlanParseError(
    "import.unsupported_format",
    "The file is an old binary Word/Excel file (.doc/.xls): save it as .docx/.xlsx.",
  );
}

function hasPdfMagic(bytes: Uint8Array): boolean {
  // Some producers put junk (a BOM, an HTTP header) before "%PDF-"; readers accept it within 1 KB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf("%PDF-", 0, "latin1") !== -1;
}

/** Structure is judged on the document's start: enough lines to be sure, bounded work on 5 MB. */
const headChars = 64 * 1024;

const STRONG_HTML_START = /^(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;
// <html>, <head> or <body> opening a line: a CMS fragment in a text plan's cell never does.
const DOCUMENT_TAG_AT_LINE_START = /^[ \t]*<(?:html|head|body)[\s>]/im;
const STARTS_WITH_TAG = /^<(?:[a-z][a-z0-9-]*[\s/>]|!--)/i;
const ANY_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]{0,1000})?\/?>/gi;

/** A document that opens with a tag and is at least this much markup is an HTML fragment. */
const minMarkupShare = 0.05;

function isStrongHtml(head: string): boolean {
  return STRONG_HTML_START.test(head) || DOCUMENT_TAG_AT_LINE_START.test(head);
}

function isMarkupFragment(head: string): boolean {
  if (!STARTS_WITH_TAG.test(head)) return false;
  let tags = 0;
  let tagChars = 0;
  for (const match of head.matchAll(ANY_TAG)) {
    tags++;
    tagChars += match[0].length;
  }
  const visible = head.replace(/\s+/g, "").length;
  return tags >= 2 && visible > 0 && tagChars / visible >= minMarkupShare;
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/gm;
const MARKDOWN_STRUCTURE: readonly RegExp[] = [
  /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/m, // a list item
  /\*\*[^*\n]+\*\*|__[^_\n]+__/, // strong emphasis
  /\[[^\]\n]+\]\([^)\s]+\)/, // an inline link
  /^ {0,3}(?:```|~~~)/m, // a code fence
  /^ {0,3}>[ \t]/m, // a block quote
];
const PIPE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function pipeCells(line: string): number {
  const inner = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).length;
}

/** GFM's table: a header row with pipes, then a separator row of dashes with as many cells. */
function hasPipeTable(lines: readonly string[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes("-") || !line.includes("|") || !PIPE_SEPARATOR.test(line)) continue;
    const header = lines[i - 1]!;
    if (header.includes("|") && pipeCells(header) === pipeCells(line)) return true;
  }
  return false;
}

function isMarkdownContent(head: string, lines: readonly string[]): boolean {
  if (hasPipeTable(lines)) return true;
  const headings = head.match(ATX_HEADING)?.length ?? 0;
  if (headings === 0) return false;
  return headings >= 2 || MARKDOWN_STRUCTURE.some((re) => re.test(head));
}

function extension(filename: string | null | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename ?? "");
  return match === null ? "" : match[1]!.toLowerCase();
}

function sniffText(bytes: Uint8Array, filename: string | null | undefined): DocumentFormat {
  // Only the start is decoded: a multi-byte character cut at the end decodes as U+FFFD, harmlessly.
  const start = decodeText(bytes.subarray(0, headChars * 4))
    .slice(0, headChars)
    .replace(/\r\n?/g, "\n");
  const nul = start.indexOf("\u0000");
  if (nul !== -1) {
    const before = start.slice(0, nul);
    throw new PlanParseError("import.binary_content", "The file contains NUL bytes: it is binary, not text.", {
      line: before.split("\n").length,
      column: nul - before.lastIndexOf("\n"),
    });
  }
  const head = start.replace(/^\s+/, "");
  if (isStrongHtml(head)) return "HTML";
  const lines = head.split("\n");
  if (isMarkdownContent(head, lines)) return "MARKDOWN";
  if (isMarkupFragment(head)) return "HTML";
  const ext = extension(filename);
  if (ext === "md" || ext === "markdown") return "MARKDOWN";
  // A tab-separated text with commas in its cells is a text table, not a comma-separated file.
  const tab = delimiterFit(head, "\t");
  const csv = [delimiterFit(head, ","), delimiterFit(head, ";")].filter(isDelimitedFit);
  const tabWins = isDelimitedFit(tab) && csv.every((fit) => tab.share >= fit.share);
  if (csv.length > 0 && !tabWins) return "CSV";
  if (ext === "csv") return "CSV";
  return "TEXT";
}

/**
 * The document's format, judged by content first: "%PDF-" in the first KB; a zip archive holding
 * word/document.xml (DOCX) or xl/workbook.xml (XLSX); then, decoded as text, HTML markup, Markdown
 * structure, comma- or semicolon-separated records, else plain text. `filename` only decides
 * Markdown or CSV for a text that shows neither. Throws {@link PlanParseError}:
 * import.unsupported_format (images, RTF, other zip formats, .doc/.xls), import.encrypted_document
 * (password-protected Office files), import.corrupt_document (an unreadable zip),
 * import.binary_content (NUL bytes in what is not a known binary format).
 */
export function sniffFormat(bytes: Uint8Array, filename?: string | null): DocumentFormat {
  if (hasPdfMagic(bytes)) return "PDF";
  if (isZip(bytes)) return sniffZip(bytes);
  if (startsWith(bytes, oleSignature)) sniffOle(bytes);
  const known = unsupportedSignatures.find((s) => startsWith(bytes, s.bytes));
  if (known !== undefined)
    throw new PlanParseError("import.unsupported_format", `The file is ${known.what}, not a readable action plan.`);
  return sniffText(bytes, filename);
}
