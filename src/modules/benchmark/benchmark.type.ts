import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ActionStatus } from "../action/action.type.js";
import type { ActionStatusValue } from "../action/action.values.js";
import {
  benchmarkDimensions,
  benchmarkIntervals,
  sortDirections,
  type BenchmarkDimensionValue,
  type BenchmarkIntervalValue,
} from "./benchmark.model.js";
import { benchmarkMeasures } from "./benchmark.measures.js";

export const BenchmarkDimension = enumOf(benchmarkDimensions);
registerEnumType(BenchmarkDimension, {
  name: "BenchmarkDimension",
  description:
    "What a benchmark groups its actions by. Combine any of them; each row is one combination with at least one action.",
  valuesConfig: {
    COUNCIL: { description: "The council whose plan holds the action." },
    LGA_COMPONENT: {
      description:
        "The LGA component (level-1 theme) of the action's recommendation. An action under two components counts once under each; under two sub-themes of one component, once for it. Actions whose recommendation has no theme form a row with a null component.",
    },
    THEME: {
      description:
        "The sub-theme (level-2 theme) of the action's recommendation. An action whose recommendation has two sub-themes counts once under each (totals count it once). Unclassified actions form a row with a null theme.",
    },
    STATUS: {
      description: "The action's status as of asOf (its latest progress update on or before it; UNKNOWN when none).",
    },
    COUNCIL_TYPE: { description: "The council's type (NMD, UA, MD, LBO, CTY, …)." },
    REGION: { description: "The council's English region." },
    PEER_CHALLENGE: { description: "The peer challenge the action answers." },
    DEADLINE_QUARTER: {
      description:
        'The financial quarter holding the deadline (years from 1 April: "2025/26 Q3" is October-December 2025). Actions without a deadline form a row with a null quarter.',
    },
    DEADLINE_YEAR: {
      description:
        'The financial year (1 April to 31 March) holding the deadline ("2025/26"). Actions without a deadline form a row with a null year.',
    },
  },
});

export const BenchmarkMeasure = enumOf(benchmarkMeasures);
registerEnumType(BenchmarkMeasure, {
  name: "BenchmarkMeasure",
  description: "A measure of BenchmarkMeasures, for having and orderBy.",
  valuesConfig: {
    ACTIONS: { description: "actions" },
    WITH_DEADLINE: { description: "withDeadline" },
    NO_DEADLINE: { description: "noDeadline" },
    COMPLETE: { description: "complete" },
    IN_PROGRESS: { description: "inProgress" },
    NOT_STARTED: { description: "notStarted" },
    ONGOING: { description: "ongoing" },
    UNKNOWN: { description: "unknown" },
    OVERDUE: { description: "overdue" },
    OVERDUE_RATE: { description: "overdueRate" },
    COMPLETION_RATE: { description: "completionRate" },
    MEDIAN_DAYS_OVERDUE: { description: "medianDaysOverdue" },
    P90_DAYS_OVERDUE: { description: "p90DaysOverdue" },
    MAX_DAYS_OVERDUE: { description: "maxDaysOverdue" },
    DUE_IN_NEXT_90_DAYS: { description: "dueInNext90Days" },
    LAST_UPDATED_ON: { description: "lastUpdatedOn (compare it with the date operators of BenchmarkHaving)" },
  },
});

export const BenchmarkInterval = enumOf(benchmarkIntervals);
registerEnumType(BenchmarkInterval, {
  name: "BenchmarkInterval",
  description: "The length of a series' periods.",
  valuesConfig: {
    MONTH: { description: "Calendar months, labelled 2025-10." },
    QUARTER: { description: 'Financial quarters (Q1 = April-June), labelled "2025/26 Q3".' },
  },
});

export const BenchmarkSortDirection = enumOf(sortDirections);
registerEnumType(BenchmarkSortDirection, {
  name: "BenchmarkSortDirection",
  description: "Sort direction; null measures sort last either way.",
  valuesConfig: { ASC: { description: "Smallest first." }, DESC: { description: "Largest first." } },
});

@ObjectType("BenchmarkMeasures", {
  description:
    "Figures over a set of actions as of a day (DOMAIN.md). Counts count actions; on a row grouped by THEME or LGA_COMPONENT an action counts under each of its themes, in totals once.",
})
export class BenchmarkMeasures {
  @Field(() => Int, { description: "Actions in the set." })
  actions!: number;

  @Field(() => Int, { description: "Actions with a deadline." })
  withDeadline!: number;

  @Field(() => Int, { description: "Actions without one (ongoing or unknown targets); never overdue." })
  noDeadline!: number;

  @Field(() => Int, { description: "Actions whose status as of the day is COMPLETE." })
  complete!: number;

  @Field(() => Int, { description: "… IN_PROGRESS." })
  inProgress!: number;

  @Field(() => Int, { description: "… NOT_STARTED." })
  notStarted!: number;

  @Field(() => Int, { description: "… ONGOING." })
  ongoing!: number;

  @Field(() => Int, { description: "… UNKNOWN: printed as unknown, or no progress update on or before the day." })
  unknown!: number;

  @Field(() => Int, {
    description: "Actions overdue on the day: a deadline before it and a status on it that is not COMPLETE.",
  })
  overdue!: number;

  @Field(() => Float, {
    nullable: true,
    description: "overdue ÷ withDeadline, in [0, 1]; null when no action has a deadline.",
  })
  overdueRate!: number | null;

  @Field(() => Float, { nullable: true, description: "complete ÷ actions, in [0, 1]; null for an empty set." })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Median days overdue (day − deadline) of the overdue actions, interpolated (percentile_cont, so it may end in .5); null when none is overdue.",
  })
  medianDaysOverdue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "90th percentile of the overdue actions' days overdue, interpolated (percentile_cont); null when none is overdue.",
  })
  p90DaysOverdue!: number | null;

  @Field(() => Int, { nullable: true, description: "The most days overdue; null when none is overdue." })
  maxDaysOverdue!: number | null;

  @Field(() => Int, {
    description:
      "Actions not COMPLETE on the day with a deadline from the day itself up to 89 days after it (deadline ≥ day and < day + 90).",
  })
  dueInNext90Days!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The freshest progress update (on or before the day) behind these actions; null when there is none, e.g. on a day before any data.",
  })
  lastUpdatedOn!: string | null;
}

@ObjectType("BenchmarkCouncilType", { description: "A council type from the register." })
export class BenchmarkCouncilType {
  @Field(() => String, { description: "Type code (NMD)." })
  code!: string;

  @Field(() => String, { description: "Type name as the register prints it." })
  name!: string;
}

@ObjectType("FinancialPeriod", { description: "A financial year (1 April to 31 March) or one of its quarters." })
export class FinancialPeriod {
  @Field(() => String, { description: '"2025/26 Q3" for a quarter, "2025/26" for a year.' })
  label!: string;

  @Field(() => String, { description: 'The financial year ("2025/26").' })
  financialYear!: string;

  @Field(() => Int, { nullable: true, description: "1-4 (Q1 = April-June); null for a whole year." })
  quarter!: number | null;

  @Field(() => LocalDateScalar, { description: "First day." })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: "Last day." })
  endsOn!: string;
}

@ObjectType("BenchmarkRow", {
  description:
    "One group of actions: its dimension values, as objects, and its measures. A dimension the benchmark does not group by is null; so is a grouped theme, component or deadline period the actions lack.",
})
export class BenchmarkRow {
  @Field(() => ActionStatus, { nullable: true, description: "Status as of asOf, when grouped by STATUS." })
  status!: ActionStatusValue | null;

  @Field(() => String, { nullable: true, description: "English region, when grouped by REGION." })
  region!: string | null;

  @Field(() => BenchmarkMeasures, { description: "The group's figures." })
  measures!: BenchmarkMeasures;
}

@ObjectType("BenchmarkResult", { description: "A benchmark: rows by the requested dimensions, and totals." })
export class BenchmarkResult {
  @Field(() => LocalDateScalar, { description: "The day statuses, overdue-ness and freshness were judged on." })
  asOf!: string;

  @Field(() => [BenchmarkDimension], { description: "The dimensions grouped by, in the order given." })
  groupBy!: BenchmarkDimensionValue[];

  @Field(() => [BenchmarkRow], {
    description: "Groups that met `having`, in `orderBy` order, at most `first` of them.",
  })
  rows!: BenchmarkRow[];

  @Field(() => Int, {
    description: "How many groups met `having` before `first` cut them: more than rows.length means the list was cut.",
  })
  rowCount!: number;

  @Field(() => BenchmarkMeasures, {
    description:
      "Figures over every action that matched filter and peerGroup, each counted once (also when rows count it under several themes); having and first do not change them.",
  })
  totals!: BenchmarkMeasures;
}

@ObjectType("BenchmarkPeriod", { description: "One period of a series." })
export class BenchmarkPeriod {
  @Field(() => String, { description: '"2025-10" for a month, "2025/26 Q3" for a financial quarter.' })
  label!: string;

  @Field(() => LocalDateScalar, { description: "First day of the period." })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: "Last day of the period." })
  endsOn!: string;

  @Field(() => LocalDateScalar, {
    description: "The day the figures are as of: the last day, or the series' `to` when the period runs past it.",
  })
  asOf!: string;
}

@ObjectType("BenchmarkSeriesPoint", { description: "A benchmark as of one period's end." })
export class BenchmarkSeriesPoint {
  @Field(() => BenchmarkPeriod, { description: "The period." })
  period!: BenchmarkPeriod;

  @Field(() => [BenchmarkRow], { description: "Groups with at least one action, in the dimensions' natural order." })
  rows!: BenchmarkRow[];

  @Field(() => BenchmarkMeasures, { description: "Figures over every matching action, each counted once." })
  totals!: BenchmarkMeasures;
}

@ObjectType("BenchmarkSeries", {
  description: "The same benchmark as of the end of each period, from the progress-update history.",
})
export class BenchmarkSeries {
  @Field(() => LocalDateScalar, { description: "As asked." })
  from!: string;

  @Field(() => LocalDateScalar, { description: "As asked." })
  to!: string;

  @Field(() => BenchmarkInterval, { description: "As asked." })
  interval!: BenchmarkIntervalValue;

  @Field(() => [BenchmarkDimension], { description: "The dimensions grouped by." })
  groupBy!: BenchmarkDimensionValue[];

  @Field(() => [BenchmarkSeriesPoint], { description: "One point per period, oldest first." })
  points!: BenchmarkSeriesPoint[];
}

@ObjectType("BenchmarkPeerFigures", {
  description:
    "A statistic (median or mean) of the peer group's members with data. Each figure is over the members whose own figure is defined; null when none is.",
})
export class BenchmarkPeerFigures {
  @Field(() => Float, { nullable: true, description: "Of actions." })
  actions!: number | null;

  @Field(() => Float, { nullable: true, description: "Of withDeadline." })
  withDeadline!: number | null;

  @Field(() => Float, { nullable: true, description: "Of complete." })
  complete!: number | null;

  @Field(() => Float, { nullable: true, description: "Of overdue." })
  overdue!: number | null;

  @Field(() => Float, { nullable: true, description: "Of overdueRate." })
  overdueRate!: number | null;

  @Field(() => Float, { nullable: true, description: "Of completionRate." })
  completionRate!: number | null;

  @Field(() => Float, { nullable: true, description: "Of medianDaysOverdue (members with an overdue action)." })
  medianDaysOverdue!: number | null;

  @Field(() => Float, { nullable: true, description: "Of maxDaysOverdue (members with an overdue action)." })
  maxDaysOverdue!: number | null;

  @Field(() => Float, { nullable: true, description: "Of dueInNext90Days." })
  dueInNext90Days!: number | null;
}

@ObjectType("BenchmarkComparisonRow", {
  description:
    "A council against a peer group under one theme (or over its whole plan). A member has data under a theme when it has an action with a deadline there, so that its overdue rate is defined.",
})
export class BenchmarkComparisonRow {
  @Field(() => Int, { description: "0 for the whole plan, 1 for an LGA component, 2 for a sub-theme." })
  level!: number;

  @Field(() => BenchmarkMeasures, {
    description: "The council's own figures (zero counts when it has no action there).",
  })
  measures!: BenchmarkMeasures;

  @Field(() => Int, {
    description: "How many members of the group have data (the council included when it is a member).",
  })
  membersWithData!: number;

  @Field(() => BenchmarkPeerFigures, {
    description: "Medians over the members with data (percentile_cont, interpolated).",
  })
  groupMedian!: BenchmarkPeerFigures;

  @Field(() => BenchmarkPeerFigures, { description: "Means over the members with data." })
  groupMean!: BenchmarkPeerFigures;

  @Field(() => Int, {
    nullable: true,
    description:
      "1 + the number of other members with data whose overdue rate is lower: 1 = lowest overdue rate; equal rates share a rank. A council outside the group is ranked as if it were a member. Null when the council has no data here.",
  })
  rank!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The share of the other members with data whose overdue rate is higher (worse), in [0, 1]: 1 = better than all of them. Null when the council or every other member lacks data here.",
  })
  percentile!: number | null;
}

@ObjectType("BenchmarkComparison", {
  description: "A council against a peer group as of a day: over its whole plan, per LGA component and per sub-theme.",
})
export class BenchmarkComparison {
  @Field(() => LocalDateScalar, { description: "The day judged on." })
  asOf!: string;

  @Field(() => Boolean, { description: "Whether the council is itself a member of the group." })
  councilIsMember!: boolean;

  @Field(() => BenchmarkComparisonRow, { description: "Over every action of the council's plans." })
  overall!: BenchmarkComparisonRow;

  @Field(() => [BenchmarkComparisonRow], {
    description: "One row per LGA component, in LGA order (all five, with or without data).",
  })
  components!: BenchmarkComparisonRow[];

  @Field(() => [BenchmarkComparisonRow], {
    description: "One row per sub-theme, in taxonomy order (all of them, with or without data).",
  })
  themes!: BenchmarkComparisonRow[];
}
