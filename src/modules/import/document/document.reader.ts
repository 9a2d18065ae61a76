import type { DocumentFormat, DocumentModel } from "./document.model.js";
import { PlanParseError } from "../parsers/parse.errors.js";
import { readDocx } from "./docx.reader.js";
import { readHtml } from "./html.reader.js";
import { readPdf } from "./pdf.reader.js";
import { isZip } from "./zip.archive.js";

/**
 * Lowers a published document, whatever its format, to the one document model. The format is
 * recognised from the content; the file name only settles what the content cannot (CSV or text).
 */
export async function readDocumentModel(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentModel> {
  switch (format) {
    case "HTML":
      return readHtml(new TextDecoder("utf-8").decode(bytes));
    case "DOCX":
      return readDocx(bytes);
    case "PDF":
      return await readPdf(bytes);
    case "TEXT": {
      const text = new TextDecoder("utf-8").decode(bytes);
      return { format: "TEXT", title: null, blocks: [], text, warnings: [] };
    }
    default:
      throw new PlanParseError("import.unsupported_format", `${format} documents cannot be read yet.`);
  }
}

/** Recognises the format and lowers the document. Interim sniffing until format.sniffer.ts lands. */
export function loadDocument(bytes: Uint8Array, _filename: string | null): Promise<DocumentModel> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return readDocumentModel(bytes, "PDF");
  if (isZip(bytes)) return readDocumentModel(bytes, "DOCX");
  if (/^\s*(<!doctype html|<html)/i.test(head)) return readDocumentModel(bytes, "HTML");
  return readDocumentModel(bytes, "TEXT");
}
