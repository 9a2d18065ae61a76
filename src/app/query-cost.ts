import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  valueFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { countPeriods } from "../modules/benchmark/benchmark.calendar.js";
import {
  benchmarkDimensions,
  benchmarkIntervals,
  defaultBenchmarkRows,
  maxBenchmarkRows,
  maxSeriesPeriods,
  type BenchmarkDimensionValue,
} from "../modules/benchmark/benchmark.model.js";
import { maxPageSize } from "../shared/graphql/pagination.js";
import {
  benchmarkDimensionSizes,
  benchmarkWeight,
  comparisonWeight,
  defaultConnectionPage,
  defaultListLength,
  listLengths,
} from "./query-cost.weights.js";

/** What an operation would ask of the database, estimated from its document before anything runs. */
export interface OperationCost {
  /** Estimated rows and batched reads (see query-cost.weights.ts). */
  cost: number;
  /** Root fields, each alias counted once. */
  rootFields: number;
  /** Benchmark computations: each benchmark and series field, and each distinct (peer group, day) of comparisons. */
  benchmarks: number;
}

type Variables = Readonly<Record<string, unknown>> | undefined;

/** An operation as Apollo has resolved it, before execution: what the checks before any SQL look at. */
export interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** As the client sent them, not yet coerced. */
  variables: Variables;
}
type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** Sizes a field's arguments give the lists below it: a connection's page, a benchmark's rows, a series' periods. */
interface Sizes {
  page?: number;
  rows?: number;
  points?: number;
}

interface Measured {
  cost: number;
  computations: ReadonlySet<string>;
}

interface CollectedField {
  parent: Composite;
  nodes: FieldNode[];
}

const nothing: ReadonlySet<string> = new Set();

/**
 * Estimates an operation's cost with its variables, as graphql-js would execute it: fields merged
 * by response key (so a fragment spread twice is one field), fragments followed once per selection,
 * lists multiplied through. Each (field, parent type, sizes) is measured once, so shared fragments
 * cost their size, not their number of paths. Pure: a document and variables in, figures out.
 */
export function measureOperation({ schema, document, operation, variables: given }: ResolvedOperation): OperationCost {
  const variables = withDefaults(operation, given);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new WeakMap<FieldNode, Map<string, Measured>>();

  const collect = (
    sets: readonly { set: SelectionSetNode; type: Composite }[],
    out = new Map<string, CollectedField>(),
  ): Map<string, CollectedField> => {
    const visited = new Set<string>();
    const walk = (set: SelectionSetNode, type: Composite) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = `${type.name}.${selection.alias?.value ?? selection.name.value}`;
          const entry = out.get(key);
          if (entry) entry.nodes.push(selection);
          else out.set(key, { parent: type, nodes: [selection] });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          walk(selection.selectionSet, compositeOr(schema, selection.typeCondition?.name.value, type));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visited.has(name)) continue;
          visited.add(name);
          walk(fragment.selectionSet, compositeOr(schema, fragment.typeCondition.name.value, type));
        }
      }
    };
    for (const { set, type } of sets) walk(set, type);
    return out;
  };

  const measureSelection = (fields: Map<string, CollectedField>, sizes: Sizes): Measured => {
    let cost = 0;
    let computations: Set<string> | null = null;
    for (const entry of fields.values()) {
      const measured = measureField(entry, sizes);
      cost += measured.cost;
      if (measured.computations.size > 0) {
        computations ??= new Set();
        for (const c of measured.computations) computations.add(c);
      }
    }
    return { cost, computations: computations ?? nothing };
  };

  const measureField = (entry: CollectedField, sizes: Sizes): Measured => {
    const [first] = entry.nodes;
    if (!first) return { cost: 0, computations: nothing };
    const memoKey = `${entry.parent.name}|${sizes.page}|${sizes.rows}|${sizes.points}`;
    if (entry.nodes.length === 1) {
      const known = memo.get(first)?.get(memoKey);
      if (known) return known;
    }
    const measured = measureFieldUncached(entry, first, sizes);
    if (entry.nodes.length === 1) {
      let byKey = memo.get(first);
      if (!byKey) memo.set(first, (byKey = new Map<string, Measured>()));
      byKey.set(memoKey, measured);
    }
    return measured;
  };

  const measureFieldUncached = (entry: CollectedField, node: FieldNode, sizes: Sizes): Measured => {
    const name = node.name.value;
    const field = entry.parent.getFields()[name];
    const returned = field ? getNamedType(field.type) : undefined;
    // Introspection and leaves read nothing beyond their row; a field the schema lacks fails validation.
    if (!field || !returned || isLeafType(returned) || name.startsWith("__")) return { cost: 0, computations: nothing };
    const qualified = `${entry.parent.name}.${name}`;
    const args = (argument: string) => argumentValue(field, node, argument, variables);

    let weight = 1;
    let childSizes: Sizes = {};
    let computation: string | null = null;
    if (qualified === "Query.benchmark") {
      const dimensions = dimensionsOf(args("groupBy"));
      weight += benchmarkWeight * (1 + dimensions.length);
      childSizes = { rows: Math.min(rowsOf(args("first")), groupings(dimensions)) };
      computation = `root:${node.alias?.value ?? name}`;
    } else if (qualified === "Query.benchmarkSeries") {
      const dimensions = dimensionsOf(args("groupBy"));
      const periods = periodsOf(args("from"), args("to"), args("interval"));
      weight += benchmarkWeight * (1 + dimensions.length) * periods;
      childSizes = { points: periods, rows: groupings(dimensions) };
      computation = `root:${node.alias?.value ?? name}`;
    } else if (qualified === "Council.comparison") {
      weight += comparisonWeight;
      // The loader computes one comparison per (peer group, day) for every council in the response.
      computation = `comparison:${JSON.stringify([args("peerGroup") ?? null, args("asOf") ?? null])}`;
    } else if (field.args.some((a) => a.name === "first") && returned.name.endsWith("Connection")) {
      childSizes = { page: pageOf(args("first")) };
    } else if (qualified === "BenchmarkSeries.points") {
      childSizes = { rows: sizes.rows ?? 1 };
    }

    const items = isListType(getNullableType(field.type)) ? listLength(qualified, name, sizes) : 1;
    const below = node.selectionSet
      ? measureSelection(
          collect(
            entry.nodes.flatMap((n) =>
              n.selectionSet ? [{ set: n.selectionSet, type: compositeOr(schema, returned.name, entry.parent) }] : [],
            ),
          ),
          childSizes,
        )
      : { cost: 0, computations: nothing };
    const cost = weight + (isListType(getNullableType(field.type)) ? items * (1 + below.cost) : below.cost);
    if (computation === null) return { cost, computations: below.computations };
    return { cost, computations: new Set([computation, ...below.computations]) };
  };

  const root = operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { cost: 0, rootFields: 0, benchmarks: 0 };
  const rootFields = collect([{ set: operation.selectionSet, type: root }]);
  const measured = measureSelection(rootFields, {});
  return {
    cost: measured.cost,
    rootFields: [...rootFields.values()].filter((f) => f.nodes[0]?.name.value !== "__typename").length,
    benchmarks: measured.computations.size,
  };
}

function compositeOr(schema: GraphQLSchema, name: string | undefined, fallback: Composite): Composite {
  const type: GraphQLNamedType | undefined = name === undefined ? undefined : schema.getType(name);
  return type && (isObjectType(type) || isInterfaceType(type)) ? type : fallback;
}

function listLength(qualified: string, name: string, sizes: Sizes): number {
  if (name === "nodes" || name === "edges") return sizes.page ?? defaultConnectionPage;
  if (qualified.endsWith(".rows") && qualified.startsWith("Benchmark")) return sizes.rows ?? 1;
  if (qualified === "BenchmarkSeries.points") return sizes.points ?? 1;
  return listLengths[qualified] ?? defaultListLength;
}

/**
 * The request's variables with the operation's defaults for those it leaves out, as execution will
 * see them: `query ($first: Int = 5)` sent with no variables is charged for 5, not for the worst case.
 */
function withDefaults(operation: OperationDefinitionNode, given: Variables): Variables {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && (given === undefined || !(name in given)))
      defaults[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return Object.keys(defaults).length === 0 ? given : { ...defaults, ...given };
}

/** An argument's value with the request's variables; undefined when absent or not readable (then the worst case is assumed). */
function argumentValue(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  name: string,
  variables: Variables,
): unknown {
  const definition = field.args.find((a) => a.name === name);
  const argument = node.arguments?.find((a) => a.name.value === name);
  if (!definition || !argument) return undefined;
  try {
    return valueFromAST(argument.value, definition.type, variables);
  } catch {
    return undefined;
  }
}

const isCount = (value: unknown, max: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;

/** A valid `first` is the page; none is the default; one the service will refuse is charged as the largest. */
function pageOf(first: unknown): number {
  if (first === undefined || first === null) return defaultConnectionPage;
  return isCount(first, maxPageSize) ? first : maxPageSize;
}

function rowsOf(first: unknown): number {
  if (first === undefined || first === null) return defaultBenchmarkRows;
  return isCount(first, maxBenchmarkRows) ? first : maxBenchmarkRows;
}

function dimensionsOf(groupBy: unknown): BenchmarkDimensionValue[] {
  const values = Array.isArray(groupBy) ? groupBy : groupBy === undefined || groupBy === null ? [] : [groupBy];
  return values.filter((v): v is BenchmarkDimensionValue => (benchmarkDimensions as readonly unknown[]).includes(v));
}

function groupings(dimensions: readonly BenchmarkDimensionValue[]): number {
  return dimensions.reduce((rows, d) => rows * benchmarkDimensionSizes[d], 1);
}

/** Periods of a series, 1 to the most allowed; unreadable dates are charged as the most. */
function periodsOf(from: unknown, to: unknown, interval: unknown): number {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (typeof from !== "string" || typeof to !== "string" || !day.test(from) || !day.test(to)) return maxSeriesPeriods;
  const unit = benchmarkIntervals.find((i) => i === interval) ?? "MONTH";
  const count = countPeriods(from, to, unit);
  return Math.max(1, Math.min(maxSeriesPeriods, count));
}
