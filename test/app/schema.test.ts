import "reflect-metadata";
import { readFileSync } from "node:fs";
import {
  type GraphQLArgument,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { createSchema } from "../../src/app/app.js";

describe("the published schema", () => {
  it("matches schema/schema.graphql (run npm run schema:emit after changing the API)", async () => {
    const emitted = readFileSync("schema/schema.graphql", "utf8");
    expect(emitted).toBe(`${printSchema(lexicographicSortSchema(await createSchema()))}\n`);
  });

  // Query and Mutation are described by their fields.
  it("describes every type, field, argument and enum value", async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith("__") ||
        ["String", "Int", "Float", "Boolean", "ID", "Query", "Mutation"].includes(type.name)
      )
        continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields: { name: string; description?: string | null | undefined; args?: readonly GraphQLArgument[] }[] =
          isInputObjectType(type) ? Object.values(type.getFields()) : Object.values(type.getFields());
        for (const field of fields) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args ?? []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type) && !["RagColour"].includes(type.name)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
