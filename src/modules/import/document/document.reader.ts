import type { DocumentFormat, DocumentModel } from "./document.model.js";
import { PlanParseError } from "../parsers/parse.errors.js";
import { readPdf } from "./pdf.reader.js";

/**
 * Lowers a published document, whatever its format, to the one document model. The format is
 * recognised from the content; the file name only settles what the content cannot (CSV or text).
 */
export async function readDocumentModel(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentModel> {
  switch (format) {
    // Each format's reader is wired here as it lands.
    case "PDF":
      return readPdf(bytes);
    default:
      throw new PlanParseError("import.unsupported_format", `${format} documents cannot be read yet.`);
  }
}
