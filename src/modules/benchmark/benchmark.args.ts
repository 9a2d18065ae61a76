import { ArgsType, Field, Int } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ActionFilter } from "../action/action.input.js";
import { BenchmarkHaving, BenchmarkOrder } from "./benchmark.input.js";
import {
  defaultBenchmarkRows,
  maxBenchmarkRows,
  maxSeriesPeriods,
  type BenchmarkDimensionValue,
  type BenchmarkIntervalValue,
} from "./benchmark.model.js";
import { BenchmarkDimension, BenchmarkInterval } from "./benchmark.type.js";

/** What both a benchmark and a series are over. */
@ArgsType()
export class BenchmarkScopeArgs {
  @Field(() => [BenchmarkDimension], {
    nullable: true,
    description: "Dimensions to group by, in this order (default none: one row of all matching actions).",
  })
  groupBy?: BenchmarkDimensionValue[] | null;

  @Field(() => ActionFilter, {
    nullable: true,
    description:
      "The same filter as actions(filter:): only matching actions count. Status and overdue conditions are judged as of the benchmark's day.",
  })
  filter?: ActionFilter | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only actions of this peer group's members, by slug (greater-essex); combines with filter.peerGroup by AND.",
  })
  peerGroup?: string | null;
}

@ArgsType()
export class BenchmarkArgs extends BenchmarkScopeArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The day statuses, overdue-ness and freshness are judged on (default: today, UTC).",
  })
  asOf?: string | null;

  @Field(() => [BenchmarkHaving], {
    nullable: true,
    description: "Conditions on each row's measures; rows must meet all of them.",
  })
  having?: BenchmarkHaving[] | null;

  @Field(() => [BenchmarkOrder], {
    nullable: true,
    description:
      "Sort keys, most significant first; ties then fall to the grouped dimensions' natural order, so the order (and the cut `first` makes) is always the same.",
  })
  orderBy?: BenchmarkOrder[] | null;

  @Field(() => Int, {
    nullable: true,
    description: `Keep the first N rows (top-N), 0 to ${maxBenchmarkRows}; default ${defaultBenchmarkRows}. rowCount tells how many there were.`,
  })
  first?: number | null;
}

@ArgsType()
export class BenchmarkSeriesArgs extends BenchmarkScopeArgs {
  @Field(() => LocalDateScalar, { description: "A day in the first period." })
  from!: string;

  @Field(() => LocalDateScalar, {
    description: "A day in the last period; that period is measured as of this day when it ends later.",
  })
  to!: string;

  @Field(() => BenchmarkInterval, { description: `Months or financial quarters; at most ${maxSeriesPeriods} periods.` })
  interval!: BenchmarkIntervalValue;
}

@ArgsType()
export class CouncilComparisonArgs {
  @Field(() => String, { description: "The peer group to compare against, by slug (greater-essex)." })
  peerGroup!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day to judge on (default: today, UTC)." })
  asOf?: string | null;
}

@ArgsType()
export class CouncilFreshnessArgs {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Count only updates on or before this day (default: today, UTC).",
  })
  asOf?: string | null;
}

@ArgsType()
export class CouncilStaleArgs extends CouncilFreshnessArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      "Age in months beyond which the latest update is stale, 1 to 120 (default: the server's STALE_AFTER_MONTHS, 6 unless set).",
  })
  afterMonths?: number | null;
}
