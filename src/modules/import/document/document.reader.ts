import type { DocumentFormat, DocumentModel } from "./document.model.js";
import { PlanParseError } from "../parsers/parse.errors.js";
import { readDocx } from "./docx.reader.js";
import { readHtml } from "./html.reader.js";

/**
 * Lowers a published document, whatever its format, to the one document model. The format is
 * recognised from the content; the file name only settles what the content cannot (CSV or text).
 */
export function readDocumentModel(_bytes: Uint8Array, format: DocumentFormat): Promise<DocumentModel> {
  switch (format) {
    // Each format's reader is wired here as it lands.
    case "HTML":
      // Interim: UTF-8 only, until format.sniffer.ts's decodeText (charset from BOM and <meta>) lands.
      return readHtml(new TextDecoder("utf-8").decode(bytes));
    case "DOCX":
      return readDocx(bytes);
    default:
      throw new PlanParseError("import.unsupported_format", `${format} documents cannot be read yet.`);
  }
}

/** Recognises the format and lowers the document. Interim: text, read by the layout parsers alone. */
export function loadDocument(bytes: Uint8Array, _filename: string | null): Promise<DocumentModel> {
  const text = new TextDecoder("utf-8").decode(bytes);
  return Promise.resolve({ format: "TEXT", title: null, blocks: [], text, warnings: [] });
}
