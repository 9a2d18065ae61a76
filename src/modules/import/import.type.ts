import { Field, ID, Int, ObjectType } from "type-graphql";

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

@ObjectType("ImportReport", { description: "What an import read and what it changed." })
export class ImportReport {
  @Field(() => String, { description: "The document's name." })
  filename!: string;

  @Field(() => String, { description: "GSS code of the council." })
  councilGss!: string;

  @Field(() => String, { description: "Layout family recognised." })
  layout!: string;

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
