import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import type { DocumentFormat as DocumentFormatValue } from "./document/document.model.js";
import { DocumentFormat } from "./document-format.type.js";

@ObjectType("ImportWarning", { description: "A problem with one line of an imported document; the rest was imported." })
export class ImportWarning {
  @Field(() => Int, { description: "1-based line of the document." })
  line!: number;

  @Field(() => String, { description: "Stable code (import.unparsed_date, import.row_shape, …)." })
  code!: string;

  @Field(() => String, { description: "What is wrong, in words." })
  message!: string;
}

@ObjectType("UnplacedLine", {
  description: "A line with content the importer could not place in the plan (page furniture, preamble).",
})
export class UnplacedLine {
  @Field(() => Int, { description: "1-based line of the document." })
  line!: number;

  @Field(() => String, { description: "The line's text." })
  text!: string;
}

@ObjectType("DisappearedItem", {
  description:
    "A recommendation or action held in the graph that the new version of the plan no longer has. Nothing is deleted.",
})
export class DisappearedItem {
  @Field(() => String, { description: "The recommendation's reference." })
  reference!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The action's order within its recommendation; null for a recommendation.",
  })
  order!: number | null;

  @Field(() => String, { description: "Its text." })
  text!: string;
}

@ObjectType("LowConfidenceField", {
  description: "A field the reader was unsure of, for a person to check against the document before the plan counts.",
})
export class LowConfidenceField {
  @Field(() => String, { description: "The reference of the recommendation the field belongs to (or its action's)." })
  reference!: string;

  @Field(() => Int, {
    nullable: true,
    description: "The action's order within its recommendation; null for a field of the recommendation itself.",
  })
  order!: number | null;

  @Field(() => String, {
    description: "Which field: text, lead, target or status of an action; reference or text of a recommendation.",
  })
  field!: string;

  @Field(() => String, { nullable: true, description: "The value as read; null when the reader found none." })
  value!: string | null;

  @Field(() => Float, {
    description:
      "How sure the reader is, from 0 (a guess) to 1 (printed under a column or label that says what it is, and normalised cleanly).",
  })
  confidence!: number;

  @Field(() => String, { description: "Why the confidence is low, in words a person can check." })
  reason!: string;

  @Field(() => Int, { description: "1-based line of the document's stored text where the field was read." })
  line!: number;
}

@ObjectType("ImportReport", { description: "What an import read and what it changed." })
export class ImportReport {
  @Field(() => String, { description: "The document's name." })
  filename!: string;

  @Field(() => String, { description: "GSS code of the council." })
  councilGss!: string;

  @Field(() => DocumentFormat, { description: "The format the document was read as, recognised from its content." })
  format!: DocumentFormatValue;

  @Field(() => String, {
    description:
      "How the plan was segmented: a text layout family (DELIMITED_TABLE, FLATTENED_TABLE, PARAGRAPH_BULLETS, HEADING_PARAGRAPHS), or TABLE or SECTIONS.",
  })
  layout!: string;

  @Field(() => Float, { description: "The reader's overall confidence in the plan, from 0 to 1." })
  confidence!: number;

  @Field(() => [String], { description: "Why the overall confidence is below 1; empty when it is 1." })
  confidenceReasons!: string[];

  @Field(() => [LowConfidenceField], {
    description: "Every field read with low confidence, to check before relying on it.",
  })
  lowConfidence!: LowConfidenceField[];

  @Field(() => String, { nullable: true, description: "The document's title, when evident." })
  title!: string | null;

  @Field(() => String, {
    description:
      "CREATED (first plan for the challenge), UPDATED (a new version matched to the held plan) or UNCHANGED (this exact content was imported before).",
  })
  outcome!: string;

  @Field(() => Boolean, { description: "Whether this was a dry run (nothing written)." })
  dryRun!: boolean;

  @Field(() => String, { description: "SHA-256 of the content, hex." })
  contentHash!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Global ID of the peer challenge filed under; null on a dry run creating one.",
  })
  peerChallengeId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Global ID of the new source document; null when nothing was written.",
  })
  sourceDocumentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Global ID of the draft the import opened for review (PlanDraft); null when it wrote directly (publish), wrote nothing (dry run, unchanged) or is the report of a publish.",
  })
  draftId!: string | null;

  @Field(() => Int, { description: "Recommendations read from the document." })
  recommendations!: number;

  @Field(() => Int, { description: "Actions read from the document." })
  actions!: number;

  @Field(() => Int, { description: "Recommendations new to the graph." })
  addedRecommendations!: number;

  @Field(() => Int, { description: "Actions new to the graph." })
  addedActions!: number;

  @Field(() => Int, { description: "Actions whose status changed: one progress update appended for each." })
  statusChanges!: number;

  @Field(() => Int, { description: "Recommendations matched to ones held." })
  matchedRecommendations!: number;

  @Field(() => Int, { description: "Actions matched to ones held." })
  matchedActions!: number;

  @Field(() => [DisappearedItem], { description: "Held recommendations and actions the document no longer has." })
  disappeared!: DisappearedItem[];

  @Field(() => [ImportWarning], { description: "Per-line problems, with line numbers." })
  warnings!: ImportWarning[];

  @Field(() => [UnplacedLine], { description: "Lines the importer could not place." })
  unplaced!: UnplacedLine[];
}
