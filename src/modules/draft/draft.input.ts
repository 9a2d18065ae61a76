import { Field, ID, InputType, Int } from "type-graphql";

@InputType("UpdateDraftRecommendationInput", {
  description: "Corrections to one recommendation of an open draft. Fields left out are left as they are.",
})
export class UpdateDraftRecommendationInput {
  @Field(() => ID, { description: "The row's global ID (DraftRecommendation.id)." })
  id!: string;

  @Field(() => Int, { description: "The draft's version as read (PlanDraft.version); write.conflict if it moved on." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The title; null or empty clears it." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The text; it cannot be empty." })
  text?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "Sub-theme codes (priorities-outcomes.performance-data) that replace the rules' theme links; publishing writes them as HAND links.",
  })
  themes?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: "True drops it (and its actions) from publishing; false keeps it.",
  })
  dropped?: boolean;
}

@InputType("UpdateDraftActionInput", {
  description: "Corrections to one action of an open draft. Fields left out are left as they are.",
})
export class UpdateDraftActionInput {
  @Field(() => ID, { description: "The row's global ID (DraftAction.id)." })
  id!: string;

  @Field(() => Int, { description: "The draft's version as read (PlanDraft.version); write.conflict if it moved on." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The text; it cannot be empty." })
  text?: string;

  @Field(() => String, { nullable: true, description: "The lead/owner; null or empty clears it." })
  lead?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The target as it would be printed ("March 2026", "Q3 2025/26", "Ongoing"), read by the importer\'s own rules into a deadline; null clears it.',
  })
  target?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The status as it would be printed ("Complete", "In progress", "Amber"), read by the importer\'s own rules; null records no status.',
  })
  status?: string | null;

  @Field(() => Boolean, { nullable: true, description: "True drops it from publishing; false keeps it." })
  dropped?: boolean;
}

@InputType("DraftVersionInput", { description: "A draft, and the version it was read at." })
export class DraftVersionInput {
  @Field(() => ID, { description: "The draft's global ID (PlanDraft.id)." })
  id!: string;

  @Field(() => Int, { description: "The draft's version as read (PlanDraft.version); write.conflict if it moved on." })
  expectedVersion!: number;
}
