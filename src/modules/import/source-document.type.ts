import { Field, Int, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { Node } from "../../shared/graphql/node.interface.js";
import type { DocumentFormat as DocumentFormatValue } from "./document/document.model.js";
import { DocumentFormat } from "./document-format.type.js";

@ObjectType("SourceDocument", {
  implements: Node,
  description:
    "A document imported into the graph, kept whole with its content hash; every recommendation and action points back to its line.",
})
export class SourceDocument extends Node {
  @Field(() => String, { description: "File name it was imported from." })
  filename!: string;

  @Field(() => String, {
    description:
      "SHA-256 of the document's bytes as received (for text, its UTF-8), hex. The same document is never imported twice.",
  })
  contentHash!: string;

  @Field(() => DocumentFormat, {
    description:
      "The format it was read as (documents imported before formats were told apart are TEXT). For PDF, DOCX and XLSX the original bytes are kept beside the text extracted from them, which line numbers point into.",
  })
  format!: DocumentFormatValue;

  @Field(() => String, {
    description:
      "How the plan was segmented: a text layout family (DELIMITED_TABLE, FLATTENED_TABLE, PARAGRAPH_BULLETS, HEADING_PARAGRAPHS), or TABLE or SECTIONS for the document-model reader.",
  })
  layout!: string;

  @Field(() => String, { nullable: true, description: "The document's title, when evident." })
  title!: string | null;

  @Field(() => Int, { description: "Size of the document as received, in bytes (for text, its UTF-8)." })
  byteSize!: number;

  @Field(() => LocalDateScalar, { description: "The day the document's statuses were true." })
  recordedOn!: string;

  @Field(() => String, { description: "When it was imported (ISO 8601 timestamp, UTC)." })
  importedAt!: string;
}

@ObjectType("SourceLocation", { description: "Where a record came from: a document and a 1-based line." })
export class SourceLocation {
  documentId!: number;

  @Field(() => Int, { description: "1-based line number in the document." })
  line!: number;
}
