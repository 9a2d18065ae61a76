import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { ActionStatus, RagColour } from "../action/action.type.js";
import type { ActionStatusValue, RagColourValue } from "../action/action.values.js";
import { DocumentFormat } from "../import/document-format.type.js";
import type { DocumentFormat as DocumentFormatValue } from "../import/document/document.model.js";
import { ImportReport } from "../import/import.type.js";
import { RecommendationKind } from "../recommendation/recommendation.type.js";
import type { RecommendationKindValue } from "../recommendation/recommendation.values.js";
import { draftStatuses, type DraftStatusValue } from "./draft.values.js";

export const DraftStatus = enumOf(draftStatuses);
registerEnumType(DraftStatus, {
  name: "DraftStatus",
  description: "Where a draft is in review.",
  valuesConfig: {
    OPEN: { description: "Imported, waiting for review: nothing of it counts yet." },
    PUBLISHED: { description: "Published: its kept rows were written by the importer's rules and now count." },
    DISCARDED: { description: "Discarded: nothing of it will count." },
  },
});

@ObjectType("DraftRecommendationConfidence", {
  description: "How sure the reader was of each field of a recommendation, 0 (a guess) to 1; 1 once an editor set it.",
})
export class DraftRecommendationConfidence {
  @Field(() => Float, { description: "Confidence in the reference." })
  reference!: number;

  @Field(() => Float, { description: "Confidence in the text." })
  text!: number;
}

@ObjectType("DraftActionConfidence", {
  description: "How sure the reader was of each field of an action, 0 (a guess) to 1; 1 once an editor set it.",
})
export class DraftActionConfidence {
  @Field(() => Float, { description: "Confidence in the text." })
  text!: number;

  @Field(() => Float, { description: "Confidence in the lead." })
  lead!: number;

  @Field(() => Float, { description: "Confidence in the target." })
  target!: number;

  @Field(() => Float, { description: "Confidence in the status." })
  status!: number;
}

@ObjectType("DraftAction", {
  implements: Node,
  description: "An action as a draft holds it: what publishing will write unless dropped.",
})
export class DraftAction extends Node {
  @Field(() => Int, { description: "1-based position within its recommendation, as printed." })
  order!: number;

  @Field(() => String, { description: "Text, as read or as corrected." })
  text!: string;

  @Field(() => String, { nullable: true, description: "Lead/owner, as read or as corrected." })
  lead!: string | null;

  @Field(() => ActionStatus, {
    nullable: true,
    description: "The status publishing records; null when the document prints no status.",
  })
  status!: ActionStatusValue | null;

  @Field(() => String, { nullable: true, description: "The status as printed (or as typed by an editor)." })
  statusText!: string | null;

  @Field(() => RagColour, { nullable: true, description: "Red/amber/green, when printed." })
  rag!: RagColourValue | null;

  @Field(() => String, { nullable: true, description: "A progress note printed beside the action." })
  update!: string | null;

  @Field(() => Int, { description: "1-based line of the document's stored text the action starts on." })
  line!: number;

  @Field(() => [String], { description: "Fields an editor has set (text, lead, target, status)." })
  reviewed!: string[];

  @Field(() => Boolean, { description: "Whether publishing leaves this action out." })
  dropped!: boolean;
}

@ObjectType("DraftRecommendation", {
  implements: Node,
  description: "A recommendation as a draft holds it, with its actions: what publishing will write unless dropped.",
})
export class DraftRecommendation extends Node {
  @Field(() => String, { description: "Reference as printed." })
  reference!: string;

  @Field(() => Int, { description: "1-based position in the document." })
  order!: number;

  @Field(() => RecommendationKind, { description: "A peer team's recommendation or a council's commitment." })
  kind!: RecommendationKindValue;

  @Field(() => String, { nullable: true, description: "Title, as read or as corrected." })
  title!: string | null;

  @Field(() => String, { description: "Text, as read or as corrected." })
  text!: string;

  @Field(() => String, { nullable: true, description: "The council's own grouping label, when printed." })
  themeLabel!: string | null;

  @Field(() => Int, { description: "1-based line of the document's stored text it starts on." })
  line!: number;

  @Field(() => [String], { description: "Fields an editor has set (title, text, themes)." })
  reviewed!: string[];

  @Field(() => Boolean, { description: "Whether publishing leaves it (and its actions) out." })
  dropped!: boolean;
}

@ObjectType("PlanDraft", {
  implements: Node,
  description:
    "An imported plan waiting for review. Visible only to editors of its council and admins (to anyone else it does not exist); no public query or benchmark sees it until it is published.",
})
export class PlanDraft extends Node {
  @Field(() => DraftStatus, { description: "OPEN, PUBLISHED or DISCARDED." })
  status!: DraftStatusValue;

  @Field(() => Int, {
    description:
      "Raised by every change to the draft or any of its rows: give it as expectedVersion to change, publish or discard it.",
  })
  version!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "The challenge's planVersion the draft was compared with; publishing is refused (write.conflict) once the plan has moved on. Null when publishing will create the challenge.",
  })
  basePlanVersion!: number | null;

  @Field(() => String, { description: "Who imported it: the key's name." })
  createdBy!: string;

  @Field(() => String, { description: "The document's name." })
  filename!: string;

  @Field(() => String, { description: "SHA-256 of the document, hex." })
  contentHash!: string;

  @Field(() => DocumentFormat, { description: "The format it was read as." })
  format!: DocumentFormatValue;

  @Field(() => String, { description: "How the plan was segmented." })
  layout!: string;

  @Field(() => String, { nullable: true, description: "The document's title, when evident." })
  title!: string | null;

  @Field(() => LocalDateScalar, { description: "The day the document's statuses were true." })
  recordedOn!: string;
}

/** The draft and what publishing it wrote. */
@ObjectType("PublishDraftPayload", { description: "A published draft and what publishing wrote." })
export class PublishDraftPayload {
  @Field(() => PlanDraft, { description: "The draft, now PUBLISHED." })
  draft!: unknown;

  @Field(() => ImportReport, { description: "What publishing changed, by the importer's rules." })
  report!: unknown;
}
