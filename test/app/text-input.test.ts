import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentInputFields } from "../../src/app/text-input.guard.js";
import { createTestApp, type TestApp } from "../support/test-app.js";
import { databaseKind } from "../support/test-database.js";

/** A valid literal for a type, for the arguments and input fields a target does not concern. */
function filler(type: GraphQLInputType): string {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return `[${filler(nullable.ofType)}]`;
  if (isInputObjectType(nullable)) {
    const required = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${required.map((f) => `${f.name}: ${filler(f.type)}`).join(", ")} }`;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]?.name ?? "";
  const fillers: Record<string, string> = { Int: "1", Float: "1", Boolean: "false", LocalDate: '"2026-01-01"' };
  return fillers[nullable.name] ?? '"x"';
}

interface Target {
  /** The argument path the error must name: `filter.councils[0]`. */
  path: string;
  /** The argument's literal with a NUL at the target. */
  literal: string;
}

/** Every String or ID place inside an argument's type, each with a literal that puts a NUL there. */
function targets(type: GraphQLInputType, path: string, depth = 0): Target[] {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return targets(nullable.ofType, `${path}[0]`, depth).map((t) => ({ ...t, literal: `[${t.literal}]` }));
  }
  if (isInputObjectType(nullable)) {
    if (depth > 3) return [];
    const fields = Object.values(nullable.getFields());
    return fields.flatMap((field) => {
      if (documentInputFields.has(`${nullable.name}.${field.name}`)) return [];
      const others = fields.filter((f) => f !== field && isNonNullType(f.type));
      return targets(field.type, `${path}.${field.name}`, depth + 1).map((t) => ({
        path: t.path,
        literal: `{ ${[`${field.name}: ${t.literal}`, ...others.map((f) => `${f.name}: ${filler(f.type)}`)].join(", ")} }`,
      }));
    });
  }
  const named = getNamedType(nullable);
  return named.name === "String" || named.name === "ID" ? [{ path, literal: '"a\\u0000b"' }] : [];
}

/** How to reach each object type from the roots: the selection around a field of it, `{}` marking the hole. */
function routes(schema: GraphQLSchema): Map<string, { operation: "query" | "mutation"; wrap: string }> {
  const found = new Map<string, { operation: "query" | "mutation"; wrap: string }>();
  const queue: { type: GraphQLObjectType; operation: "query" | "mutation"; wrap: string }[] = [];
  for (const [operation, root] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    if (root) queue.push({ type: root, operation, wrap: "{}" });
  }
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || found.has(next.type.name)) continue;
    found.set(next.type.name, { operation: next.operation, wrap: next.wrap });
    for (const field of Object.values(next.type.getFields())) {
      const returned: GraphQLNamedType = getNamedType(field.type);
      const required = field.args.filter((a) => isNonNullType(a.type));
      const call = `${field.name}${required.length ? `(${required.map((a) => `${a.name}: ${filler(a.type)}`).join(", ")})` : ""}`;
      const possible = isObjectType(returned)
        ? [{ type: returned, hole: `{ ${call} {} }` }]
        : isInterfaceType(returned) || isUnionType(returned)
          ? schema.getPossibleTypes(returned).map((type) => ({ type, hole: `{ ${call} { ... on ${type.name} {} } }` }))
          : [];
      for (const { type, hole } of possible) {
        queue.push({ type, operation: next.operation, wrap: next.wrap.replace("{}", hole) });
      }
    }
  }
  return found;
}

function cases(schema: GraphQLSchema): { name: string; query: string; path: string }[] {
  const out: { name: string; query: string; path: string }[] = [];
  for (const [typeName, route] of routes(schema)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const returned = getNamedType(field.type);
      const selection =
        isObjectType(returned) || isInterfaceType(returned) || isUnionType(returned) ? " { __typename }" : "";
      for (const arg of field.args) {
        for (const target of targets(arg.type, arg.name)) {
          const others = field.args.filter((a) => a !== arg && isNonNullType(a.type));
          const args = [`${arg.name}: ${target.literal}`, ...others.map((a) => `${a.name}: ${filler(a.type)}`)];
          const call = `${field.name}(${args.join(", ")})${selection}`;
          out.push({
            name: `${typeName}.${field.name}(${target.path})`,
            query: `${route.operation} ${route.wrap.replace("{}", `{ ${call} }`)}`,
            path: target.path,
          });
        }
      }
    }
  }
  return out;
}

describe(`invalid text is refused at every String and ID argument by one guard (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => t.close());

  it("answers a NUL in each String or ID argument and input field of the schema with input.invalid naming it, before any SQL", async () => {
    const all = cases(t.app.schema);
    // Lookups, filters, comparisons, every mutation's input: the walk must reach far.
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "Council.comparison(peerGroup)",
        "Query.actions(filter.councils[0])",
        "Query.node(id)",
        "Mutation.importPlan(input.council)",
      ]),
    );
    const wrong: unknown[] = [];
    for (const c of all) {
      t.database.counter.reset();
      const { data, errors } = await t.execute(c.query, undefined, { admin: true });
      const extensions = errors?.length === 1 ? errors[0]?.extensions : undefined;
      const statements = t.database.counter.count;
      if (
        data !== null ||
        extensions?.["reason"] !== "input.invalid" ||
        extensions["argument"] !== c.path ||
        statements !== 0
      ) {
        wrong.push({ case: c.name, query: c.query, errors, statements });
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers a lone surrogate sent in a variable the same way, deep in an input object", async () => {
    const { errors } = await t.execute(`query($c: [String!]) { actions(filter: { councils: $c }) { totalCount } }`, {
      c: ["E07000073", "E0700\ud8007"],
    });
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.extensions).toEqual({
      code: "BAD_USER_INPUT",
      reason: "input.invalid",
      argument: "filter.councils[1]",
    });
    expect(errors?.[0]?.message).toContain("lone UTF-16 surrogate");
  });

  it("still lets a surrogate pair through (an emoji is text)", async () => {
    const { errors } = await t.execute(`query($s: String) { actions(filter: { search: $s }) { totalCount } }`, {
      s: "plan 📈",
    });
    expect(errors).toBeUndefined();
  });
});
