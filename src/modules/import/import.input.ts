import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { UploadedFile, UploadScalar } from "../../shared/graphql/upload.scalar.js";

@InputType("ImportPlanInput", {
  description:
    "A council's published action plan, and how to file it. The document comes in exactly one of text, contentBase64 and file.",
})
export class ImportPlanInput {
  @Field(() => String, {
    nullable: true,
    description:
      "A text document (HTML, CSV, Markdown or plain text: tables, flattened tables, bullets or headings), within the request body limit.",
  })
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Any document (PDF, DOCX, XLSX, HTML, CSV, Markdown, text) as standard base64 (line breaks allowed), within the request body limit.",
  })
  contentBase64?: string | null;

  @Field(() => UploadScalar, {
    nullable: true,
    description:
      "Any document as a file part of a multipart request (graphql-multipart-request-spec), up to IMPORT_MAX_DOCUMENT_BYTES: no base64, and not bound by the JSON body limit.",
  })
  file?: UploadedFile | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A name for the document: the upload's own name by default, else upload.txt for text and upload for contentBase64. A hint only: the content decides the format.",
  })
  filename?: string | null;

  @Field(() => String, { description: "The council's GSS code (E07000073)." })
  council!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day on site of the CPC the plan answers; default the council's latest CPC (created if none).",
  })
  challenge?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the document's statuses were true (default today).",
  })
  recordedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Read and compare, report, write nothing." })
  dryRun?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Admins only: write the plan at once instead of opening a draft for review (default false; editors get auth.forbidden).",
  })
  publish?: boolean | null;
}
