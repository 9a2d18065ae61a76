import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ActionStatus, RagColour } from "./action.type.js";
import type { ActionStatusValue, RagColourValue } from "./action.values.js";

@InputType("RecordProgressInput", { description: "A progress update an editor records on an action." })
export class RecordProgressInput {
  @Field(() => ID, { description: "The action's global ID (Action.id)." })
  action!: string;

  @Field(() => Int, { description: "The Action.version read; a stale one is refused with write.conflict." })
  expectedVersion!: number;

  @Field(() => ActionStatus, { description: "The action's status on recordedOn." })
  status!: ActionStatusValue;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day the status was true (default: today, UTC); may be in the past, never after today.",
  })
  recordedOn?: string | null;

  @Field(() => String, { nullable: true, description: "What was done or is in the way, in the editor's words." })
  note?: string | null;

  @Field(() => RagColour, { nullable: true, description: "A RAG colour, when the council rates its actions." })
  rag?: RagColourValue | null;

  @Field(() => String, {
    nullable: true,
    description: 'The status as the council words it (default: the status in words, "In progress").',
  })
  statusText?: string | null;
}

@InputType("UpdateActionInput", {
  description:
    "A correction of an action's text, lead or target. It applies to every asOf (the plan was wrong, not changed); the old values stay in Action.revisions. Omitted fields are unchanged.",
})
export class UpdateActionInput {
  @Field(() => ID, { description: "The action's global ID (Action.id)." })
  action!: string;

  @Field(() => Int, { description: "The Action.version read; a stale one is refused with write.conflict." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The action's text; cannot be empty." })
  text?: string;

  @Field(() => String, { nullable: true, description: "Lead/owner; null or blank for none." })
  lead?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The target as printed ("Q3 2025/26", "end of September 2025"), read into a deadline, precision and milestones as an import reads it; null or blank for none (UNKNOWN).',
  })
  target?: string | null;
}

@InputType("AddActionInput", { description: "A new action, added at the end of its recommendation's actions." })
export class AddActionInput {
  @Field(() => ID, { description: "The recommendation's global ID (Recommendation.id)." })
  recommendation!: string;

  @Field(() => String, { description: "The action's text." })
  text!: string;

  @Field(() => String, { nullable: true, description: "Lead/owner, if any." })
  lead?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The target as printed, read into a deadline as an import reads it.",
  })
  target?: string | null;

  @Field(() => ActionStatus, {
    nullable: true,
    description: "Its first status, recorded as a progress update dated today; omitted: UNKNOWN until one is recorded.",
  })
  status?: ActionStatusValue | null;
}

@InputType("RetireActionInput", {
  description:
    "Takes an action out of the plan from a day: from retiredOn on it no longer counts in benchmarks, series or overdue filters; before it, it counts as it did.",
})
export class RetireActionInput {
  @Field(() => ID, { description: "The action's global ID (Action.id)." })
  action!: string;

  @Field(() => Int, { description: "The Action.version read; a stale one is refused with write.conflict." })
  expectedVersion!: number;

  @Field(() => LocalDateScalar, { description: "The first day it no longer counts; never after today." })
  retiredOn!: string;

  @Field(() => String, { description: "Why (merged into another action, overtaken by events, …)." })
  reason!: string;
}
