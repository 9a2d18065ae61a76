import { registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { documentFormats } from "./document/document.model.js";

export const DocumentFormat = enumOf(documentFormats);
registerEnumType(DocumentFormat, {
  name: "DocumentFormat",
  description: "The format a document was read as, recognised from its content (the file name only breaks ties).",
  valuesConfig: {
    HTML: { description: "An HTML page or fragment." },
    PDF: { description: "A PDF, read from its text with the glyphs' positions." },
    DOCX: { description: "A Word document (Office Open XML)." },
    XLSX: { description: "An Excel workbook (Office Open XML)." },
    CSV: { description: "Comma- or tab-separated values." },
    MARKDOWN: { description: "Markdown, with or without pipe tables." },
    TEXT: { description: "Plain text: tables as tab/pipe columns, flattened tables, bullets or headings." },
  },
});
