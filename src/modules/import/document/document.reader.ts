import type { DocumentFormat, DocumentModel } from "./document.model.js";
import { readDocx } from "./docx.reader.js";
import { decodeText, sniffFormat } from "./format.sniffer.js";
import { readHtml } from "./html.reader.js";
import { readPdf } from "./pdf.reader.js";
import { readText } from "./text.reader.js";
import { readXlsx } from "./xlsx.reader.js";

/** Lowers a document of a known format to the one document model, with that format's reader. */
export async function readDocumentModel(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentModel> {
  switch (format) {
    case "HTML":
      return readHtml(decodeText(bytes));
    case "DOCX":
      return readDocx(bytes);
    case "PDF":
      return await readPdf(bytes);
    case "XLSX":
      return readXlsx(bytes);
    case "CSV":
    case "MARKDOWN":
    case "TEXT":
      return readText(decodeText(bytes), format);
  }
}

/**
 * Recognises a published document's format from its content (the file name only settles what the
 * content cannot, such as CSV or text) and lowers it to the document model.
 */
export function loadDocument(bytes: Uint8Array, filename: string | null): Promise<DocumentModel> {
  return readDocumentModel(bytes, sniffFormat(bytes, filename));
}
