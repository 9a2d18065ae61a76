import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { Node } from "../../shared/graphql/node.interface.js";
import {
  actionStatuses,
  deadlinePrecisions,
  progressUpdateSources,
  ragColours,
  type ActionStatusValue as Status,
  type DeadlinePrecisionValue as Precision,
  type ProgressUpdateSourceValue as Source,
  type RagColourValue as Rag,
} from "./action.values.js";

export const DeadlinePrecision = enumOf(deadlinePrecisions);
export const ActionStatus = enumOf(actionStatuses);
export const RagColour = enumOf(ragColours);
export const ProgressUpdateSource = enumOf(progressUpdateSources);

registerEnumType(DeadlinePrecision, {
  name: "DeadlinePrecision",
  description: "What period a target phrase names; the deadline is the last day of it.",
  valuesConfig: {
    DAY: { description: "A day (2 May 2025)." },
    MONTH: { description: 'A month ("Oct 24", "end of September 2025", "July 2023 and ongoing").' },
    QUARTER: { description: 'A quarter of a financial year starting 1 April ("Q3 2025/26" → 31 December 2025).' },
    SEASON: { description: 'A season ("Autumn 2025" → 30 November 2025).' },
    FINANCIAL_YEAR: { description: 'A financial year ("Budget 2024/25" → 31 March 2025).' },
    YEAR: { description: "A calendar year." },
    ONGOING: { description: '"Ongoing", "BAU", "June 2020 onwards": no deadline; never overdue.' },
    UNKNOWN: { description: '"TBC", empty or unreadable: no deadline; never overdue.' },
  },
});
registerEnumType(ActionStatus, {
  name: "ActionStatus",
  description: "An action's normalised status (DOMAIN.md).",
  valuesConfig: {
    COMPLETE: { description: "Complete, delivered, done, achieved." },
    IN_PROGRESS: { description: "Under way." },
    NOT_STARTED: { description: "Not started." },
    ONGOING: { description: '"Introduced and ongoing", "move to BAU": continuing work.' },
    UNKNOWN: { description: "Nothing printed, or no update on or before the date asked." },
  },
});
registerEnumType(RagColour, { name: "RagColour", description: "A red/amber/green rating, when printed." });
registerEnumType(ProgressUpdateSource, {
  name: "ProgressUpdateSource",
  description: "Where a progress update came from.",
  valuesConfig: {
    DOCUMENT: { description: "A published document, imported." },
    IMPORT: { description: "A structured import." },
    EDITOR: { description: "An editor's entry." },
  },
});

@ObjectType("Target", { description: "An action's target as printed, and the deadline parsed from it." })
export class Target {
  @Field(() => String, { nullable: true, description: "The phrase as printed; null when the plan prints none." })
  raw!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Last day of the last period named; null when ongoing or unknown.",
  })
  deadline!: string | null;

  @Field(() => DeadlinePrecision, { description: "What period the phrase names." })
  precision!: Precision;

  @Field(() => [LocalDateScalar], { description: "Earlier dates named in the same phrase." })
  milestones!: string[];
}

@ObjectType("Action", {
  implements: Node,
  description:
    "One action of a council's action plan. Status fields take `asOf` (default: the `asOf` of the `actions` query that returned it, else today) and read the latest progress update on or before it.",
})
export class Action extends Node {
  @Field(() => Int, { description: "1-based position within its recommendation." })
  order!: number;

  @Field(() => String, { description: "Text as printed." })
  text!: string;

  @Field(() => String, {
    nullable: true,
    description: "Lead/owner as printed (carried down from the row above where the plan leaves it empty).",
  })
  lead!: string | null;

  @Field(() => Int, {
    description:
      "Raised by 1 on every write (edit, progress update, retirement); a mutation states the version it read as expectedVersion.",
  })
  version!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day it was retired from the plan (retireAction): from then on it no longer counts in benchmarks, series or overdue filters. Null while in the plan.",
  })
  retiredOn!: string | null;

  @Field(() => String, { nullable: true, description: "Why it was retired; null while in the plan." })
  retiredReason!: string | null;
}

@ObjectType("ActionRevision", {
  description:
    "One field of an action changed by an editor, with the value before and after. Revisions are appended, never overwritten.",
})
export class ActionRevision {
  @Field(() => Int, { description: "The action's version this change produced." })
  version!: number;

  @Field(() => String, { description: "The field changed: text, lead, target (as printed) or retiredOn." })
  field!: string;

  @Field(() => String, { nullable: true, description: "The value before the change; null when there was none." })
  before!: string | null;

  @Field(() => String, { nullable: true, description: "The value after the change; null when cleared." })
  after!: string | null;

  @Field(() => String, { nullable: true, description: "The reason given, for a retirement." })
  reason!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day the change applies from (a retirement); null for a correction of text, lead or target, which applies to every day.",
  })
  effectiveOn!: string | null;

  @Field(() => String, { description: "Who made it: the name of the key (or ADMIN_TOKEN, CLI operator)." })
  keyName!: string;
}

@ObjectType("ProgressUpdate", {
  implements: Node,
  description: "A dated status of one action. History is appended, never overwritten.",
})
export class ProgressUpdate extends Node {
  @Field(() => LocalDateScalar, { description: "The day this status was true (the document's recording date)." })
  recordedOn!: string;

  @Field(() => ActionStatus, { description: "Normalised status." })
  status!: Status;

  @Field(() => String, { description: 'Status as printed ("" for an empty cell).' })
  statusText!: string;

  @Field(() => RagColour, { nullable: true, description: "RAG colour, when printed." })
  rag!: Rag | null;

  @Field(() => String, { nullable: true, description: "Free-text update printed beside the status." })
  note!: string | null;

  @Field(() => ProgressUpdateSource, { description: "Where the update came from." })
  source!: Source;

  @Field(() => String, {
    nullable: true,
    description: "Who recorded an editor's update (recordProgress), by key name; null for documents and imports.",
  })
  recordedByName!: string | null;
}

@ObjectType("ActionConnection", { description: "A page of actions." })
export class ActionConnection extends Connection(Action, "action") {}
