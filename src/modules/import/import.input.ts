import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";

@InputType("ImportPlanInput", { description: "A council's published action plan, as text, and how to file it." })
export class ImportPlanInput {
  @Field(() => String, {
    description:
      "The document's text (tables as tab/comma/pipe/Markdown/HTML, flattened tables, bullets or headings). At most the request body limit.",
  })
  text!: string;

  @Field(() => String, { nullable: true, description: "A name for the document (default upload.txt)." })
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

  @Field(() => Boolean, { nullable: true, description: "Parse and compare, report, write nothing." })
  dryRun?: boolean | null;
}
