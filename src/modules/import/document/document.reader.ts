import type { DocumentFormat, DocumentModel } from "./document.model.js";
import { decodeText } from "./format.sniffer.js";
import { readText } from "./text.reader.js";
import { readXlsx } from "./xlsx.reader.js";
import { PlanParseError } from "../parsers/parse.errors.js";

/**
 * Lowers a published document, whatever its format, to the one document model. The format is
 * recognised from the content; the file name only settles what the content cannot (CSV or text).
 */
export async function readDocumentModel(bytes: Uint8Array, format: DocumentFormat): Promise<DocumentModel> {
  switch (format) {
    case "XLSX":
      return readXlsx(bytes);
    case "CSV":
    case "MARKDOWN":
    case "TEXT":
      return readText(decodeText(bytes), format);
    // Each format's reader is wired here as it lands.
    default:
      throw new PlanParseError("import.unsupported_format", `${format} documents cannot be read yet.`);
  }
}
