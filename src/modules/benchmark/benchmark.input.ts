import { Field, Float, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import type { BenchmarkDimensionValue, SortDirectionValue } from "./benchmark.model.js";
import type { BenchmarkMeasureValue } from "./benchmark.measures.js";
import { BenchmarkDimension, BenchmarkMeasure, BenchmarkSortDirection } from "./benchmark.type.js";

@InputType("BenchmarkHaving", {
  description:
    "A condition on one measure of each row; give one or more operators (they combine with AND). Numbers for counts, rates and days; dates for LAST_UPDATED_ON. A row whose measure is null (a rate without denominator, no overdue action, no update) meets no comparison; test it with isNull.",
})
export class BenchmarkHaving {
  @Field(() => BenchmarkMeasure, { description: "The measure tested." })
  measure!: BenchmarkMeasureValue;

  @Field(() => Float, { nullable: true, description: "Equal to." })
  eq?: number | null;

  @Field(() => Float, { nullable: true, description: "Not equal to." })
  ne?: number | null;

  @Field(() => Float, { nullable: true, description: "Greater than." })
  gt?: number | null;

  @Field(() => Float, { nullable: true, description: "Greater than or equal to." })
  gte?: number | null;

  @Field(() => Float, { nullable: true, description: "Less than." })
  lt?: number | null;

  @Field(() => Float, { nullable: true, description: "Less than or equal to." })
  lte?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "LAST_UPDATED_ON only: on or after this day." })
  onOrAfter?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "LAST_UPDATED_ON only: strictly before this day." })
  before?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: the measure is null; false: it is not." })
  isNull?: boolean | null;
}

@InputType("BenchmarkOrder", {
  description:
    "One sort key: a measure or a grouped dimension (give exactly one). Dimensions sort naturally: councils and regions by name, components and themes in LGA order, statuses in enum order, periods by date.",
})
export class BenchmarkOrder {
  @Field(() => BenchmarkMeasure, { nullable: true, description: "Sort by this measure." })
  measure?: BenchmarkMeasureValue | null;

  @Field(() => BenchmarkDimension, { nullable: true, description: "Sort by this dimension; it must be in groupBy." })
  dimension?: BenchmarkDimensionValue | null;

  @Field(() => BenchmarkSortDirection, {
    nullable: true,
    description: "ASC (default) or DESC; nulls sort last either way.",
  })
  direction?: SortDirectionValue | null;
}
