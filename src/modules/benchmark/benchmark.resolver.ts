import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import { PeerChallenge } from "../peer-challenge/peer-challenge.type.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { PeerGroup } from "../peer-group/peer-group.type.js";
import type { PeerGroupRow } from "../peer-group/peer-group.table.js";
import { Theme } from "../theme/theme.type.js";
import type { ThemeRow } from "../theme/theme.table.js";
import {
  BenchmarkArgs,
  BenchmarkSeriesArgs,
  CouncilComparisonArgs,
  CouncilFreshnessArgs,
  CouncilStaleArgs,
} from "./benchmark.args.js";
import {
  financialQuarter,
  financialYear,
  type FinancialPeriod as FinancialPeriodValues,
} from "./benchmark.calendar.js";
import type { BenchmarkRowValues, ComparisonRowValues } from "./benchmark.model.js";
import type { BenchmarkResultValues, BenchmarkSeriesValues, ComparisonValues } from "./benchmark.service.js";
import {
  BenchmarkComparison,
  BenchmarkComparisonRow,
  BenchmarkCouncilType,
  BenchmarkResult,
  BenchmarkRow,
  BenchmarkSeries,
  FinancialPeriod,
} from "./benchmark.type.js";

@Resolver(() => BenchmarkResult)
export class BenchmarkResolver {
  @Query(() => BenchmarkResult, {
    description:
      "Aggregates actions by any combination of dimensions as of a day: one SQL statement however many rows. Grouped by THEME or LGA_COMPONENT, an action whose recommendation has two themes counts once under each; totals count it once.",
  })
  async benchmark(
    @Ctx() ctx: AppContext,
    @Args(() => BenchmarkArgs) args: BenchmarkArgs,
  ): Promise<BenchmarkResultValues> {
    return ctx.services.benchmark.benchmark(ctx.identity, args, ctx.today);
  }

  @Query(() => BenchmarkSeries, {
    description:
      "The same benchmark as of the end of each month or financial quarter from `from` to `to`, rebuilt from the progress-update history (one SQL statement). The same double counting by theme as benchmark applies to rows, not to totals.",
  })
  async benchmarkSeries(
    @Ctx() ctx: AppContext,
    @Args(() => BenchmarkSeriesArgs) args: BenchmarkSeriesArgs,
  ): Promise<BenchmarkSeriesValues> {
    return ctx.services.benchmark.series(ctx.identity, args);
  }
}

/** Dimension objects come from the request's loaders: a constant number of statements for any number of rows. */
@Resolver(() => BenchmarkRow)
export class BenchmarkRowResolver {
  @FieldResolver(() => Council, { nullable: true, description: "The council, when grouped by COUNCIL." })
  async council(@Root() row: BenchmarkRowValues, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return row.councilId === null ? null : ctx.loaders.council.byId.load(row.councilId);
  }

  @FieldResolver(() => Theme, {
    nullable: true,
    description: "The LGA component (a level-1 theme), when grouped by LGA_COMPONENT; null for actions under no theme.",
  })
  async lgaComponent(@Root() row: BenchmarkRowValues, @Ctx() ctx: AppContext): Promise<ThemeRow | null> {
    return row.lgaComponentId === null ? null : ctx.loaders.theme.byId.load(row.lgaComponentId);
  }

  @FieldResolver(() => Theme, {
    nullable: true,
    description: "The sub-theme (a level-2 theme), when grouped by THEME; null for actions under no theme.",
  })
  async theme(@Root() row: BenchmarkRowValues, @Ctx() ctx: AppContext): Promise<ThemeRow | null> {
    return row.themeId === null ? null : ctx.loaders.theme.byId.load(row.themeId);
  }

  @FieldResolver(() => PeerChallenge, {
    nullable: true,
    description: "The peer challenge, when grouped by PEER_CHALLENGE.",
  })
  async peerChallenge(@Root() row: BenchmarkRowValues, @Ctx() ctx: AppContext): Promise<PeerChallengeRow | null> {
    return row.peerChallengeId === null ? null : ctx.loaders.peerChallenge.byId.load(row.peerChallengeId);
  }

  @FieldResolver(() => BenchmarkCouncilType, {
    nullable: true,
    description: "The council type, when grouped by COUNCIL_TYPE.",
  })
  councilType(@Root() row: BenchmarkRowValues): BenchmarkCouncilType | null {
    return row.councilTypeCode === null
      ? null
      : { code: row.councilTypeCode, name: row.councilTypeName ?? row.councilTypeCode };
  }

  @FieldResolver(() => FinancialPeriod, {
    nullable: true,
    description:
      "The deadline's financial quarter, when grouped by DEADLINE_QUARTER; null for actions without a deadline.",
  })
  deadlineQuarter(@Root() row: BenchmarkRowValues): FinancialPeriodValues | null {
    return row.deadlineQuarterStart === null ? null : financialQuarter(row.deadlineQuarterStart);
  }

  @FieldResolver(() => FinancialPeriod, {
    nullable: true,
    description: "The deadline's financial year, when grouped by DEADLINE_YEAR; null for actions without a deadline.",
  })
  deadlineYear(@Root() row: BenchmarkRowValues): FinancialPeriodValues | null {
    return row.deadlineYearStart === null ? null : financialYear(row.deadlineYearStart);
  }
}

@Resolver(() => BenchmarkComparison)
export class BenchmarkComparisonResolver {
  @FieldResolver(() => PeerGroup, { description: "The peer group compared against." })
  async peerGroup(@Root() comparison: ComparisonValues, @Ctx() ctx: AppContext): Promise<PeerGroupRow | null> {
    return ctx.loaders.peerGroup.byId.load(comparison.peerGroupId);
  }
}

@Resolver(() => BenchmarkComparisonRow)
export class BenchmarkComparisonRowResolver {
  @FieldResolver(() => Theme, { nullable: true, description: "The component or sub-theme; null for the whole plan." })
  async theme(@Root() row: ComparisonRowValues, @Ctx() ctx: AppContext): Promise<ThemeRow | null> {
    return row.themeId === null ? null : ctx.loaders.theme.byId.load(row.themeId);
  }
}

/** Benchmark fields on Council: freshness and the peer comparison, batched across councils by loaders. */
@Resolver(() => Council)
export class CouncilBenchmarkResolver {
  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day of the council's latest progress update on or before asOf, over all its actions; null when it has none.",
  })
  async latestUpdateOn(
    @Root() council: CouncilRow,
    @Ctx() ctx: AppContext,
    @Args(() => CouncilFreshnessArgs) { asOf }: CouncilFreshnessArgs,
  ): Promise<string | null> {
    return (await ctx.loaders.benchmark.freshness(asOf ?? ctx.today).load(council.id))?.latestUpdateOn ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the council's statuses are stale on asOf: its latest update is more than afterMonths months old (latest + months < asOf), or it has actions but no update by then. Null when it has no actions in the graph.",
  })
  async isStale(
    @Root() council: CouncilRow,
    @Ctx() ctx: AppContext,
    @Args(() => CouncilStaleArgs) { asOf, afterMonths }: CouncilStaleArgs,
  ): Promise<boolean | null> {
    const day = asOf ?? ctx.today;
    const freshness = await ctx.loaders.benchmark.freshness(day).load(council.id);
    return ctx.services.benchmark.isStale(freshness, day, afterMonths);
  }

  @FieldResolver(() => BenchmarkComparison, {
    description:
      "The council against a peer group as of a day: its measures, the group's medians and means, its rank (1 = lowest overdue rate) and percentile among the members with data, over the whole plan, per LGA component and per sub-theme. One SQL statement for every council in the response.",
  })
  async comparison(
    @Root() council: CouncilRow,
    @Ctx() ctx: AppContext,
    @Args(() => CouncilComparisonArgs) { peerGroup, asOf }: CouncilComparisonArgs,
  ): Promise<ComparisonValues> {
    const day = asOf ?? ctx.today;
    const group = ctx.services.peerGroup.requireVisible(
      ctx.identity,
      await ctx.loaders.benchmark.peerGroupBySlug.load(peerGroup),
      peerGroup,
      "peerGroup",
    );
    ctx.loaders.peerGroup.byId.prime(group.id, group);
    const rows = await ctx.loaders.benchmark.comparison(group.id, day).load(council.id);
    return ctx.services.benchmark.comparison(council.id, group.id, day, rows);
  }
}

/** The CPC timetable (DOMAIN.md), from the challenge's own dates: no query. */
@Resolver(() => PeerChallenge)
export class PeerChallengeTimetableResolver {
  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      "The last day the action plan is due: five months after the CPC. A CPC known only by its month (or year) counts from that month's (year's) last day, as fuzzy targets do: October 2023 → 31 March 2024. Null when the CPC's date is unknown or this is a progress review.",
  })
  actionPlanDueBy(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): string | null {
    return ctx.services.benchmark.timetable(challenge).actionPlanDueBy;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether actionPlanPublishedOn is on or before actionPlanDueBy; null when either is unknown. A publication date known only by its month is stored as its first day.",
  })
  actionPlanOnTime(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): boolean | null {
    return ctx.services.benchmark.timetable(challenge).actionPlanOnTime;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      "The last day the progress review is due: twelve months after the CPC, counted like actionPlanDueBy. Null when the CPC's date is unknown or this is a progress review.",
  })
  progressReviewDueBy(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): string | null {
    return ctx.services.benchmark.timetable(challenge).progressReviewDueBy;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: "Whether progressReviewOn is on or before progressReviewDueBy; null when either is unknown.",
  })
  progressReviewOnTime(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): boolean | null {
    return ctx.services.benchmark.timetable(challenge).progressReviewOnTime;
  }
}
